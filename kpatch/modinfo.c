// SPDX-License-Identifier: GPL-2.0
/*
 * A module's .modinfo (name, vermagic, livepatch=Y, ...) and the functions a
 * live patch replaces (.livepatch.funcs, create-diff-object/FORMAT.md), read
 * with libelf before anything is asked of the kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpatch.h"

#define FUNC_ENTRY_SIZE 32
enum { FUNC_NEW = 0, FUNC_OLD_NAME = 8, FUNC_OBJNAME = 16, FUNC_SYMPOS = 24 };

static Elf_Scn *section_named(Elf *elf, size_t shstrndx, const char *want)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(elf, scn))) {
		const char *n = gelf_getshdr(scn, &sh) ? elf_strptr(elf, shstrndx, sh.sh_name) : NULL;

		if (n && !strcmp(n, want))
			return scn;
	}
	return NULL;
}

static void take_modinfo(struct modinfo *mi, const char *buf, size_t size)
{
	static const struct { const char *key; size_t off; } fields[] = {
		{ "name=", offsetof(struct modinfo, name) },
		{ "vermagic=", offsetof(struct modinfo, vermagic) },
		{ "livepatch=", offsetof(struct modinfo, livepatch) },
		{ "version=", offsetof(struct modinfo, version) },
		{ "description=", offsetof(struct modinfo, description) },
		{ "license=", offsetof(struct modinfo, license) },
		{ "srcversion=", offsetof(struct modinfo, srcversion) },
		{ "depends=", offsetof(struct modinfo, depends) },
	};
	size_t at = 0;

	while (at < size) {
		const char *s = buf + at;
		size_t len = strnlen(s, size - at);

		if (len > 8 && !strncmp(s, "klp_fix=", 8)) {  /* repeated: every one kept */
			mi->klp_fix = xrealloc(mi->klp_fix, (mi->nklp_fix + 1) * sizeof(char *));
			mi->klp_fix[mi->nklp_fix++] = strndup(s + 8, len - 8);
		}
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			size_t klen = strlen(fields[i].key);
			char **slot = (char **)((char *)mi + fields[i].off);

			if (len >= klen && !strncmp(s, fields[i].key, klen) && !*slot)
				*slot = strndup(s + klen, len - klen);
		}
		at += len + 1;
	}
}

/* A string a relocation points at: symbol's section + value + addend. */
static const char *reloc_string(Elf *elf, Elf_Data *syms, const GElf_Rela *r)
{
	GElf_Sym sym;
	GElf_Shdr sh;
	Elf_Scn *scn;
	Elf_Data *d;
	size_t off;

	if (!gelf_getsym(syms, (int)GELF_R_SYM(r->r_info), &sym) ||
	    sym.st_shndx == SHN_UNDEF || sym.st_shndx >= SHN_LORESERVE)
		return NULL;
	scn = elf_getscn(elf, sym.st_shndx);
	d = scn && gelf_getshdr(scn, &sh) && sh.sh_type != SHT_NOBITS ? elf_getdata(scn, NULL) : NULL;
	off = sym.st_value + (size_t)r->r_addend;
	if (!d || !d->d_buf || off >= d->d_size || !memchr((char *)d->d_buf + off, 0, d->d_size - off))
		return NULL;
	return (char *)d->d_buf + off;
}

static char why_buf[256];

/* Sets the reason a module is refused (a sentence after its file name). */
__attribute__((format(printf, 2, 3)))
static const char *refuse(const char **why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why_buf, sizeof(why_buf), fmt, ap);
	va_end(ap);
	*why = why_buf;
	return why_buf;
}

/* The bytes of SCN, or NULL (with *why set) when it has none to give. */
static Elf_Data *section_bytes(Elf_Scn *scn, const char *name, const char **why)
{
	GElf_Shdr sh;
	Elf_Data *d;

	if (!gelf_getshdr(scn, &sh)) {
		refuse(why, "has an unreadable %s section header", name);
		return NULL;
	}
	if (sh.sh_type == SHT_NOBITS) {
		refuse(why, "has a %s section of type SHT_NOBITS (no data)", name);
		return NULL;
	}
	d = elf_getdata(scn, NULL);
	if (!d || (d->d_size && !d->d_buf)) {
		refuse(why, "has an unreadable %s section (sh_offset or sh_size past the end of the file)", name);
		return NULL;
	}
	return d;
}

/* false with *why set when .livepatch.funcs is there but unusable. */
static bool take_funcs(struct modinfo *mi, Elf *elf, size_t shstrndx, const char **why)
{
	Elf_Scn *funcs = section_named(elf, shstrndx, ".livepatch.funcs");
	Elf_Scn *scn = NULL, *rela = NULL, *symtab = NULL;
	Elf_Data *fd, *rd, *sd;
	GElf_Shdr sh;
	size_t n, nrela;
	const char **old, **obj;

	if (!funcs)
		return true;
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_RELA && sh.sh_info == elf_ndxscn(funcs)) {
			rela = scn;
			if (sh.sh_entsize != sizeof(Elf64_Rela)) {
				refuse(why, "has a .rela.livepatch.funcs with sh_entsize %lu, not %zu",
				       (unsigned long)sh.sh_entsize, sizeof(Elf64_Rela));
				return false;
			}
		}
		if (sh.sh_type == SHT_SYMTAB)
			symtab = scn;
	}
	if (!(fd = section_bytes(funcs, ".livepatch.funcs", why)))
		return false;
	if (fd->d_size % FUNC_ENTRY_SIZE) {
		refuse(why, "has a .livepatch.funcs of %zu bytes, not a whole number of %d-byte entries", fd->d_size,
		       FUNC_ENTRY_SIZE);
		return false;
	}
	if (!rela || !symtab)
		return true;
	if (!(rd = section_bytes(rela, ".rela.livepatch.funcs", why)) || !(sd = section_bytes(symtab, ".symtab", why)))
		return false;
	if (gelf_getshdr(rela, &sh) && sh.sh_link != elf_ndxscn(symtab)) {
		refuse(why, "has a .rela.livepatch.funcs whose sh_link %u is not the symbol table", sh.sh_link);
		return false;
	}
	n = fd->d_size / FUNC_ENTRY_SIZE;
	old = xcalloc(n, sizeof(*old));
	obj = xcalloc(n, sizeof(*obj));
	nrela = rd->d_size / sizeof(Elf64_Rela);
	for (size_t i = 0; i < nrela; i++) {
		GElf_Rela r;
		size_t entry;

		if (!gelf_getrela(rd, (int)i, &r) || (entry = r.r_offset / FUNC_ENTRY_SIZE) >= n)
			continue;
		if (r.r_offset % FUNC_ENTRY_SIZE == FUNC_OLD_NAME)
			old[entry] = reloc_string(elf, sd, &r);
		else if (r.r_offset % FUNC_ENTRY_SIZE == FUNC_OBJNAME)
			obj[entry] = reloc_string(elf, sd, &r);
	}
	mi->funcs = xcalloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		unsigned long long pos = 0;
		char *s;

		if (!old[i])
			continue;
		memcpy(&pos, (char *)fd->d_buf + i * FUNC_ENTRY_SIZE + FUNC_SYMPOS, sizeof(pos));
		if (asprintf(&s, "%s:%s,%llu", obj[i] ? obj[i] : "vmlinux", old[i], pos) > 0)
			mi->funcs[mi->nfuncs++] = s;
	}
	free(old);
	free(obj);
	return true;
}

/* Class, byte order, machine and type of an x86_64 kernel module. */
static bool header_ok(Elf *elf, const char **why)
{
	static const struct { unsigned m; const char *name; } machines[] = {
		{ EM_386, "i386" }, { EM_ARM, "arm" }, { EM_PPC64, "ppc64" }, { EM_S390, "s390" },
		{ EM_AARCH64, "aarch64" }, { EM_RISCV, "riscv" }, { EM_LOONGARCH, "loongarch" },
	};
	static const char *const types[] = { "ET_NONE", "ET_REL", "ET_EXEC", "ET_DYN", "ET_CORE" };
	size_t n = 0;
	const char *id = elf_kind(elf) == ELF_K_ELF ? elf_getident(elf, &n) : NULL;
	const char *name = "unknown";
	GElf_Ehdr eh;

	if (!id || n < EI_NIDENT || id[EI_CLASS] != ELFCLASS64 || !gelf_getehdr(elf, &eh)) {
		*why = "is not a 64-bit ELF file (truncated or not a module)";
		return false;
	}
	if (id[EI_DATA] != ELFDATA2LSB) {
		refuse(why, "is not an x86_64 module: ELF header: byte order: %s, not little-endian",
		       id[EI_DATA] == ELFDATA2MSB ? "big-endian" : "unknown");
		return false;
	}
	if (eh.e_machine != EM_X86_64) {
		for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
			if (machines[i].m == eh.e_machine)
				name = machines[i].name;
		refuse(why, "is not an x86_64 module: ELF header: machine %u (%s), not x86_64", eh.e_machine, name);
		return false;
	}
	if (eh.e_type != ET_REL) {
		refuse(why, "is not a kernel module: ELF header: type %s, not a relocatable object (ET_REL)",
		       eh.e_type < sizeof(types) / sizeof(types[0]) ? types[eh.e_type] : "unknown");
		return false;
	}
	return true;
}

int modinfo_read(const char *file, struct modinfo *mi, const char **why)
{
	int fd = open(file, O_RDONLY);
	Elf *elf = NULL;
	Elf_Scn *scn;
	Elf_Data *d;
	size_t shstrndx;
	struct stat st;
	int rc = EXIT_REFUSED;

	memset(mi, 0, sizeof(*mi));
	elf_version(EV_CURRENT);
	if (fd < 0) {
		refuse(why, "cannot be opened: %s", strerror(errno));
		return EXIT_ERROR;
	}
	if (fstat(fd, &st)) {
		refuse(why, "cannot be read: %s", strerror(errno));
		close(fd);
		return EXIT_ERROR;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = S_ISDIR(st.st_mode) ? "is a directory, not a module file" : "is not a regular file";
		close(fd);
		return EXIT_ERROR;
	}
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || !header_ok(elf, why))
		goto out;
	if (elf_getshdrstrndx(elf, &shstrndx)) {
		*why = "is not a 64-bit ELF file (truncated or not a module)";
		goto out;
	}
	scn = section_named(elf, shstrndx, ".modinfo");
	if (!scn) {
		*why = "has no .modinfo section: not a kernel module";
		goto out;
	}
	if (!(d = section_bytes(scn, ".modinfo", why)))
		goto out;
	take_modinfo(mi, d->d_buf, d->d_size);
	if (!mi->name || !mi->vermagic) {
		*why = "lacks a module name or vermagic in .modinfo";
		goto out;
	}
	if (take_funcs(mi, elf, shstrndx, why))
		rc = EXIT_OK;
out:
	if (!elf)
		*why = "is not a 64-bit ELF file (truncated or not a module)";
	if (rc)
		modinfo_free(mi);
	if (elf)
		elf_end(elf);
	close(fd);
	return rc;
}

void modinfo_free(struct modinfo *mi)
{
	free(mi->name);
	free(mi->vermagic);
	free(mi->depends);
	free(mi->livepatch);
	free(mi->version);
	free(mi->description);
	free(mi->license);
	free(mi->srcversion);
	for (size_t i = 0; i < mi->nklp_fix; i++)
		free(mi->klp_fix[i]);
	free(mi->klp_fix);
	for (size_t i = 0; i < mi->nfuncs; i++)
		free(mi->funcs[i]);
	free(mi->funcs);
	memset(mi, 0, sizeof(*mi));
}

char *vermagic_release(const char *vermagic)
{
	return strndup(vermagic, strcspn(vermagic, " "));
}
