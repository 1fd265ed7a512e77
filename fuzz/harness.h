/* What the three targets share (harness.c). */
#ifndef FUZZ_HARNESS_H
#define FUZZ_HARNESS_H
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Set while a tool runs: fuzz_exit() jumps here with the exit code + 1. */
extern jmp_buf fuzz_jump;
extern int fuzz_armed;

/* A private directory for the target's files, made once. */
const char *fuzz_dir(void);
/* fuzz_dir()/NAME, in a static buffer per call site. */
void fuzz_path(char *buf, size_t len, const char *name);
/* Writes DATA to PATH (aborts on failure: the harness is broken). */
void fuzz_write(const char *path, const uint8_t *data, size_t size);
/* FUZZ_BASE/NAME: the inputs made by fuzz/prepare (aborts when unset). */
void fuzz_base(char *buf, size_t len, const char *name);
/* Aborts (a finding) when PATH exists and is larger than LIMIT bytes. */
void fuzz_check_size(const char *path, size_t limit);
/* The tools' messages would flood the log: they go to /dev/null. */
void fuzz_quiet(void);

#endif
