/* SPDX-License-Identifier: GPL-2.0 */
/* kpatch: shared declarations of the CLI's parts. */
#ifndef KPATCH_H
#define KPATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Exit codes, documented in `kpatch help` and kpatch(1). */
enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1,      /* I/O, missing file, not found */
	EXIT_USAGE = 2,
	EXIT_REFUSED = 3,    /* the module is not for this kernel or not a livepatch */
	EXIT_KERNEL = 4,     /* the kernel refused to load or unload */
	EXIT_STALLED = 5,    /* the transition did not finish and was reversed */
};

/* --- paths.c: every file the CLI touches, under an optional test root --- */
/* KPATCH_ROOT (tests only) prefixes /sys, /proc and /var/lib/kpatch. */
const char *path(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *running_kver(void);
char *read_line(const char *file);           /* first line, newline cut; NULL if unreadable */
bool write_str(const char *file, const char *s);
bool is_dir(const char *p);
bool is_file(const char *p);
char *xstrdup(const char *s);
void *xcalloc(size_t n, size_t size);
char **list_dir(const char *dir, const char *suffix);  /* sorted, NULL-terminated */
void free_list(char **names);

/* --- modinfo.c: a module's .modinfo and patched functions, read with libelf --- */
struct modinfo {
	char *name, *vermagic, *livepatch, *version, *description, *license;
	char **funcs;        /* "object:function,pos" from .livepatch.funcs */
	size_t nfuncs;
};
/* Returns EXIT_OK, or with *why set to a sentence (after the file name):
 * EXIT_ERROR when FILE cannot be read (missing, a directory, I/O),
 * EXIT_REFUSED when it is not a usable x86_64 module (header, sections). */
int modinfo_read(const char *file, struct modinfo *mi, const char **why);
void modinfo_free(struct modinfo *mi);
/* The release a vermagic string is for: its first word. */
char *vermagic_release(const char *vermagic);

/* --- livepatch.c: the kernel's livepatch sysfs --- */
int wait_transition(const char *name, int timeout_s, int signal_after_s);
void print_blocking_tasks(const char *name);
char *sysfs_name(const char *name);          /* module name as sysfs spells it (- -> _) */

/* --- verbs --- */
int cmd_load(int argc, char **argv);
int cmd_unload(int argc, char **argv);
int cmd_install(int argc, char **argv);
int cmd_uninstall(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_signal(int argc, char **argv);

/* Waits, in seconds (kpatch's defaults), overridable by load/unload options. */
extern int opt_wait, opt_signal_wait;

#endif
