// SPDX-License-Identifier: GPL-2.0
/*
 * A module's .modinfo (name, vermagic, livepatch=Y, ...) and the functions a
 * live patch replaces (.livepatch.funcs, create-diff-object/FORMAT.md), read
 * with libelf before anything is asked of the kernel.
 */
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	Elf_Scn *scn;
	Elf_Data *d;
	size_t off;

	if (!gelf_getsym(syms, (int)GELF_R_SYM(r->r_info), &sym) ||
	    sym.st_shndx == SHN_UNDEF || sym.st_shndx >= SHN_LORESERVE)
		return NULL;
	scn = elf_getscn(elf, sym.st_shndx);
	d = scn ? elf_getdata(scn, NULL) : NULL;
	off = sym.st_value + (size_t)r->r_addend;
	if (!d || off >= d->d_size || !memchr((char *)d->d_buf + off, 0, d->d_size - off))
		return NULL;
	return (char *)d->d_buf + off;
}

static void take_funcs(struct modinfo *mi, Elf *elf, size_t shstrndx)
{
	Elf_Scn *funcs = section_named(elf, shstrndx, ".livepatch.funcs");
	Elf_Scn *scn = NULL, *rela = NULL, *symtab = NULL;
	Elf_Data *fd, *rd, *sd;
	GElf_Shdr sh;
	size_t n, nrela;
	const char **old, **obj;

	if (!funcs)
		return;
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_RELA && sh.sh_info == elf_ndxscn(funcs))
			rela = scn;
		if (sh.sh_type == SHT_SYMTAB)
			symtab = scn;
	}
	fd = elf_getdata(funcs, NULL);
	if (!rela || !symtab || !fd || !(rd = elf_getdata(rela, NULL)) || !(sd = elf_getdata(symtab, NULL)))
		return;
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
}

bool modinfo_read(const char *file, struct modinfo *mi, const char **why)
{
	int fd = open(file, O_RDONLY);
	Elf *elf = NULL;
	Elf_Scn *scn;
	Elf_Data *d;
	size_t shstrndx;
	bool ok = false;

	memset(mi, 0, sizeof(*mi));
	elf_version(EV_CURRENT);
	if (fd < 0) {
		*why = "cannot be opened";
		return false;
	}
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || gelf_getclass(elf) != ELFCLASS64 ||
	    elf_getshdrstrndx(elf, &shstrndx)) {
		*why = "is not a 64-bit ELF file (truncated or not a module)";
		goto out;
	}
	scn = section_named(elf, shstrndx, ".modinfo");
	if (!scn || !(d = elf_getdata(scn, NULL)) || !d->d_buf) {
		*why = "has no .modinfo section: not a kernel module";
		goto out;
	}
	take_modinfo(mi, d->d_buf, d->d_size);
	if (!mi->name || !mi->vermagic) {
		*why = "lacks a module name or vermagic in .modinfo";
		goto out;
	}
	take_funcs(mi, elf, shstrndx);
	ok = true;
out:
	if (elf)
		elf_end(elf);
	close(fd);
	return ok;
}

void modinfo_free(struct modinfo *mi)
{
	free(mi->name);
	free(mi->vermagic);
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
