/* The one ELF header check shared by create-diff-object and
 * create-klp-module: a 64-bit little-endian x86_64 relocatable object. */
#ifndef CDO_ELFCHECK_H
#define CDO_ELFCHECK_H
#include <gelf.h>
#include <stddef.h>

/* The largest sh_addralign an input may ask for (64 KiB): an absurd one
 * would be honoured in the output, so it is refused. */
#define CDO_MAX_ALIGN 0x10000

/* NULL when E's header is fine, else a sentence naming the field and its
 * value ("ELF header: machine 183 (aarch64), not x86_64 (EM_X86_64)"),
 * written into BUF (LEN bytes). */
const char *elf_header_problem(Elf *e, char *buf, size_t len);

/* sh_addralign 0, 1 or a power of two up to CDO_MAX_ALIGN. */
int align_ok(GElf_Xword align);

#endif
