/* See elfcheck.h. The identity bytes are read as they are in the file:
 * libelf converts the other header fields to host order. */
#include "elfcheck.h"
#include <stdio.h>

static const char *machine_name(unsigned m)
{
	static const struct { unsigned m; const char *name; } names[] = {
		{ EM_386, "i386" }, { EM_ARM, "arm" }, { EM_PPC64, "ppc64" }, { EM_S390, "s390" },
		{ EM_X86_64, "x86_64" }, { EM_AARCH64, "aarch64" }, { EM_RISCV, "riscv" },
		{ EM_LOONGARCH, "loongarch" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].m == m)
			return names[i].name;
	return "unknown";
}

static const char *type_name(unsigned t)
{
	static const char *const names[] = { "ET_NONE", "ET_REL", "ET_EXEC", "ET_DYN", "ET_CORE" };

	return t < sizeof(names) / sizeof(names[0]) ? names[t] : "unknown";
}

const char *elf_header_problem(Elf *e, char *buf, size_t len)
{
	size_t n = 0;
	const char *id = elf_kind(e) == ELF_K_ELF ? elf_getident(e, &n) : NULL;
	GElf_Ehdr eh;

	if (!id || n < EI_NIDENT)
		return "not an ELF file";
	if (id[EI_CLASS] != ELFCLASS64)
		snprintf(buf, len, "ELF header: class %s, not 64-bit (ELFCLASS64)",
			 id[EI_CLASS] == ELFCLASS32 ? "ELFCLASS32" : "unknown");
	else if (id[EI_DATA] != ELFDATA2LSB)
		snprintf(buf, len, "ELF header: byte order: %s, not little-endian (ELFDATA2LSB)",
			 id[EI_DATA] == ELFDATA2MSB ? "big-endian" : "unknown");
	else if (!gelf_getehdr(e, &eh))
		snprintf(buf, len, "unreadable ELF header: %s", elf_errmsg(-1));
	else if (eh.e_machine != EM_X86_64)
		snprintf(buf, len, "ELF header: machine %u (%s), not x86_64 (EM_X86_64)", eh.e_machine,
			 machine_name(eh.e_machine));
	else if (eh.e_type != ET_REL)
		snprintf(buf, len, "ELF header: type %s, not a relocatable object (ET_REL)", type_name(eh.e_type));
	else if (eh.e_shentsize != sizeof(Elf64_Shdr))
		snprintf(buf, len, "ELF header: e_shentsize %u, not %zu", eh.e_shentsize, sizeof(Elf64_Shdr));
	else
		return NULL;
	return buf;
}

int align_ok(GElf_Xword align)
{
	return !(align & (align - 1)) && align <= CDO_MAX_ALIGN;
}
