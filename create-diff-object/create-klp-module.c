// SPDX-License-Identifier: GPL-2.0
/*
 * create-klp-module IN.ko OUT.ko
 *
 * Turns a linked patch module into the kernel's livepatch ELF format
 * (Documentation/livepatch/module-elf-format.rst): every .livepatch.relocs
 * entry (FORMAT.md) becomes a relocation in a .klp.rela.OBJ.SECTION section
 * against a .klp.sym.OBJ.SYMBOL,POS symbol. Existing sections and symbols
 * keep their indices; .livepatch.relocs and its relocations are emptied.
 *
 * Exit: 0 written, 1 error (message names the file and the entry).
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SHF_RELA_LIVEPATCH
#define SHF_RELA_LIVEPATCH 0x00100000
#endif
#ifndef SHN_LIVEPATCH
#define SHN_LIVEPATCH 0xff20
#endif

#define RELOC_ENTRY_SIZE 48
enum { FIELD_PLACE = 0, FIELD_SYMNAME = 8, FIELD_OBJNAME = 16, FIELD_SYMPOS = 24,
       FIELD_TYPE = 32, FIELD_ADDEND = 40 };

static const char *in_path;
static char *tmp_path;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "create-klp-module: %s: ", in_path ? in_path : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (tmp_path)
		unlink(tmp_path);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

/* A growable byte buffer: string tables and relocation arrays. */
struct buf {
	char *data;
	size_t len, cap;
};

static size_t buf_add(struct buf *b, const void *p, size_t n)
{
	size_t at = b->len;

	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return at;
}

/* String-keyed hash table (open addressing) from names to small integers. */
struct map {
	char **keys;
	size_t *vals;
	size_t cap, count;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static size_t *map_slot(struct map *m, const char *key, bool *found)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		struct map grown = { .cap = m->cap ? m->cap * 2 : 64 };

		grown.keys = xcalloc(grown.cap, sizeof(char *));
		grown.vals = xcalloc(grown.cap, sizeof(size_t));
		for (i = 0; i < m->cap; i++) {
			if (m->keys[i]) {
				bool f;
				size_t *v = map_slot(&grown, m->keys[i], &f);

				*v = m->vals[i];
				grown.count++;
			}
		}
		free(m->keys);
		free(m->vals);
		*m = grown;
	}
	for (i = hash_str(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1)) {
		if (!strcmp(m->keys[i], key)) {
			*found = true;
			return &m->vals[i];
		}
	}
	m->keys[i] = strdup(key);
	if (!m->keys[i])
		die("out of memory");
	m->count++;
	*found = false;
	return &m->vals[i];
}

static void map_free(struct map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
}

/* One .klp.rela section being built. */
struct klp_rela_sec {
	char *name;
	size_t name_off;
	size_t target;
	struct buf relas;
};

struct module {
	Elf *elf;
	size_t shnum, shstrndx;
	Elf_Scn *symtab, *strtab, *shstrtab;
	Elf_Data *syms;
	size_t nsyms, strtab_base;
	Elf_Scn *relocs, *relocs_rela;
	/* New material appended at the end. */
	struct buf new_syms, new_strs, new_shstrs;
	struct map klp_syms;     /* "obj\0sym,pos" -> new symbol index */
	struct map klp_sec_index;/* ".klp.rela.obj.sec" -> index in klp_secs */
	struct klp_rela_sec *klp_secs;
	size_t nklp_secs;
	char *joined[3];         /* grown tables libelf writes from, freed after */
	size_t njoined;
};

static GElf_Shdr shdr_of(Elf_Scn *scn)
{
	GElf_Shdr sh;

	if (!gelf_getshdr(scn, &sh))
		die("section header: %s", elf_errmsg(-1));
	return sh;
}

static const char *sec_name(struct module *m, Elf_Scn *scn)
{
	GElf_Shdr sh = shdr_of(scn);
	const char *n = elf_strptr(m->elf, m->shstrndx, sh.sh_name);

	return n ? n : "?";
}

static Elf_Data *whole_data(Elf_Scn *scn)
{
	Elf_Data *d = elf_getdata(scn, NULL);

	if (!d)
		die("section data: %s", elf_errmsg(-1));
	return d;
}

static void find_sections(struct module *m)
{
	Elf_Scn *scn = NULL;
	size_t relocs_index = 0;

	if (elf_getshdrnum(m->elf, &m->shnum) || elf_getshdrstrndx(m->elf, &m->shstrndx))
		die("not a valid ELF object: %s", elf_errmsg(-1));
	m->shstrtab = elf_getscn(m->elf, m->shstrndx);
	while ((scn = elf_nextscn(m->elf, scn))) {
		GElf_Shdr sh = shdr_of(scn);

		if (sh.sh_type == SHT_SYMTAB) {
			m->symtab = scn;
			m->strtab = elf_getscn(m->elf, sh.sh_link);
		} else if (!strcmp(sec_name(m, scn), ".livepatch.relocs")) {
			m->relocs = scn;
			relocs_index = elf_ndxscn(scn);
		}
	}
	if (!m->symtab || !m->strtab)
		die("no symbol table");
	/* Second walk: the relocations that apply to .livepatch.relocs. */
	for (scn = NULL; relocs_index && (scn = elf_nextscn(m->elf, scn));) {
		GElf_Shdr sh = shdr_of(scn);

		if (sh.sh_type == SHT_RELA && sh.sh_info == relocs_index)
			m->relocs_rela = scn;
	}
	m->syms = whole_data(m->symtab);
	m->strtab_base = whole_data(m->strtab)->d_size;
	m->nsyms = m->syms->d_size / sizeof(Elf64_Sym);
}

static GElf_Sym symbol(struct module *m, size_t index)
{
	GElf_Sym sym;

	if (index >= m->nsyms || !gelf_getsym(m->syms, (int)index, &sym))
		die("relocation refers to symbol %zu of %zu", index, m->nsyms);
	return sym;
}

/* The bytes a relocation (symbol + addend) points at: section and offset. */
static void resolve(struct module *m, const GElf_Rela *r, size_t *secidx, uint64_t *offset)
{
	GElf_Sym sym = symbol(m, GELF_R_SYM(r->r_info));

	if (sym.st_shndx == SHN_UNDEF || sym.st_shndx >= SHN_LORESERVE)
		die("a .livepatch.relocs field points at an undefined symbol");
	*secidx = sym.st_shndx;
	*offset = sym.st_value + (uint64_t)r->r_addend;
}

static const char *string_at(struct module *m, const GElf_Rela *r)
{
	size_t secidx;
	uint64_t off;
	Elf_Data *d;

	resolve(m, r, &secidx, &off);
	d = whole_data(elf_getscn(m->elf, secidx));
	if (d->d_type != ELF_T_BYTE || off >= d->d_size || !memchr((char *)d->d_buf + off, 0, d->d_size - off))
		die("a .livepatch.relocs string is outside its section");
	return (char *)d->d_buf + off;
}

/* The metadata of one entry: where and what to relocate. */
struct klp_reloc {
	size_t place_sec;
	uint64_t place_off;
	const char *symname, *objname;
	uint64_t sympos;
	uint32_t type;
	int64_t addend;
	unsigned have;
};

static size_t klp_symbol(struct module *m, const struct klp_reloc *k)
{
	char *name;
	size_t *slot;
	bool found;
	Elf64_Sym sym = { 0 };

	/* The symbol's name is its identity: object, name and position. */
	if (asprintf(&name, ".klp.sym.%s.%s,%" PRIu64, k->objname, k->symname, k->sympos) < 0)
		die("out of memory");
	slot = map_slot(&m->klp_syms, name, &found);
	if (!found) {
		sym.st_name = (Elf64_Word)(m->strtab_base + buf_add(&m->new_strs, name, strlen(name) + 1));
		sym.st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE);
		sym.st_shndx = SHN_LIVEPATCH;
		*slot = m->nsyms + m->new_syms.len / sizeof(sym);
		buf_add(&m->new_syms, &sym, sizeof(sym));
	}
	free(name);
	return *slot;
}

static struct klp_rela_sec *klp_section(struct module *m, const char *objname, size_t target)
{
	char *name;
	size_t *slot;
	bool found;

	if (asprintf(&name, ".klp.rela.%s%s", objname, sec_name(m, elf_getscn(m->elf, target))) < 0)
		die("out of memory");
	slot = map_slot(&m->klp_sec_index, name, &found);
	if (!found) {
		m->klp_secs = xrealloc(m->klp_secs, (m->nklp_secs + 1) * sizeof(*m->klp_secs));
		m->klp_secs[m->nklp_secs] = (struct klp_rela_sec){ .name = name, .target = target };
		*slot = m->nklp_secs++;
	} else {
		free(name);
	}
	return &m->klp_secs[*slot];
}

static void convert_relocs(struct module *m)
{
	Elf_Data *meta, *relas;
	size_t n, i, nrelas;
	struct klp_reloc *entries;

	if (!m->relocs)
		return;
	meta = whole_data(m->relocs);
	if (meta->d_size % RELOC_ENTRY_SIZE)
		die(".livepatch.relocs size %zu is not a multiple of %d", meta->d_size, RELOC_ENTRY_SIZE);
	n = meta->d_size / RELOC_ENTRY_SIZE;
	if (!n)
		return;
	if (!m->relocs_rela)
		die(".livepatch.relocs has %zu entries but no relocations", n);
	entries = xcalloc(n, sizeof(*entries));
	for (i = 0; i < n; i++) {
		const unsigned char *e = (const unsigned char *)meta->d_buf + i * RELOC_ENTRY_SIZE;

		memcpy(&entries[i].sympos, e + FIELD_SYMPOS, 8);
		memcpy(&entries[i].type, e + FIELD_TYPE, 4);
		memcpy(&entries[i].addend, e + FIELD_ADDEND, 8);
	}
	relas = whole_data(m->relocs_rela);
	nrelas = relas->d_size / sizeof(Elf64_Rela);
	for (i = 0; i < nrelas; i++) {
		GElf_Rela r;
		size_t entry, field;

		if (!gelf_getrela(relas, (int)i, &r))
			die("relocation %zu of .livepatch.relocs: %s", i, elf_errmsg(-1));
		entry = r.r_offset / RELOC_ENTRY_SIZE;
		field = r.r_offset % RELOC_ENTRY_SIZE;
		if (entry >= n)
			die("relocation at 0x%" PRIx64 " is past .livepatch.relocs", (uint64_t)r.r_offset);
		switch (field) {
		case FIELD_PLACE:
			resolve(m, &r, &entries[entry].place_sec, &entries[entry].place_off);
			break;
		case FIELD_SYMNAME:
			entries[entry].symname = string_at(m, &r);
			break;
		case FIELD_OBJNAME:
			entries[entry].objname = string_at(m, &r);
			break;
		default:
			die("unexpected relocation at offset %zu of .livepatch.relocs entry %zu", field, entry);
		}
		entries[entry].have |= 1u << (field / 8);
	}
	for (i = 0; i < n; i++) {
		struct klp_reloc *k = &entries[i];
		struct klp_rela_sec *sec;
		Elf64_Rela out;

		if (k->have != 7)
			die(".livepatch.relocs entry %zu lacks its place, symbol or object name", i);
		sec = klp_section(m, k->objname, k->place_sec);
		out.r_offset = k->place_off;
		out.r_info = ELF64_R_INFO(klp_symbol(m, k), k->type);
		out.r_addend = k->addend;
		buf_add(&sec->relas, &out, sizeof(out));
	}
	free(entries);
}

/* Old bytes followed by new ones, in a buffer the module owns until exit. */
static void *joined(struct module *m, const Elf_Data *old, const struct buf *add, size_t *size)
{
	char *j = xcalloc(1, old->d_size + add->len);

	memcpy(j, old->d_buf, old->d_size);
	if (add->len)
		memcpy(j + old->d_size, add->data, add->len);
	m->joined[m->njoined++] = j;
	*size = old->d_size + add->len;
	return j;
}

/*
 * The output is a new ELF: every input section in the same place of the
 * section table (so indices stay valid), the grown symbol and string tables,
 * the emptied metadata, then the .klp.rela sections. Sections are laid out
 * one after another in index order and the header table last.
 */
static void write_output(struct module *m, int fd)
{
	size_t symtab_index = elf_ndxscn(m->symtab), strtab_index = elf_ndxscn(m->strtab);
	size_t relocs_index = m->relocs ? elf_ndxscn(m->relocs) : 0;
	size_t relocs_rela_index = m->relocs_rela ? elf_ndxscn(m->relocs_rela) : 0;
	size_t shstr_base = whole_data(m->shstrtab)->d_size;
	Elf *out = elf_begin(fd, ELF_C_WRITE, NULL);
	GElf_Ehdr eh;
	uint64_t off;

	if (!out || !gelf_getehdr(m->elf, &eh) || !gelf_newehdr(out, ELFCLASS64))
		die("creating the output: %s", elf_errmsg(-1));
	/* Names of the new sections go at the end of .shstrtab. */
	for (size_t i = 0; i < m->nklp_secs; i++)
		m->klp_secs[i].name_off = shstr_base +
			buf_add(&m->new_shstrs, m->klp_secs[i].name, strlen(m->klp_secs[i].name) + 1);

	off = eh.e_ehsize;
	for (size_t i = 1; i < m->shnum + m->nklp_secs; i++) {
		Elf_Scn *scn = elf_newscn(out);
		Elf_Data *d = scn ? elf_newdata(scn) : NULL;
		GElf_Shdr sh;
		uint64_t align;

		if (!d)
			die("creating section %zu: %s", i, elf_errmsg(-1));
		if (i < m->shnum) {
			Elf_Scn *in = elf_getscn(m->elf, i);
			Elf_Data *old = whole_data(in);

			sh = shdr_of(in);
			*d = *old;
			d->d_off = 0;
			if (i == symtab_index)
				d->d_buf = joined(m, old, &m->new_syms, &d->d_size);
			else if (i == strtab_index)
				d->d_buf = joined(m, old, &m->new_strs, &d->d_size);
			else if (i == m->shstrndx)
				d->d_buf = joined(m, old, &m->new_shstrs, &d->d_size);
			else if (i == relocs_index || i == relocs_rela_index)
				d->d_size = 0;
		} else {
			struct klp_rela_sec *k = &m->klp_secs[i - m->shnum];

			memset(&sh, 0, sizeof(sh));
			sh.sh_name = (Elf64_Word)k->name_off;
			sh.sh_type = SHT_RELA;
			sh.sh_flags = SHF_ALLOC | SHF_INFO_LINK | SHF_RELA_LIVEPATCH;
			sh.sh_link = (Elf64_Word)symtab_index;
			sh.sh_info = (Elf64_Word)k->target;
			sh.sh_entsize = sizeof(Elf64_Rela);
			sh.sh_addralign = 8;
			d->d_buf = k->relas.data;
			d->d_size = k->relas.len;
			d->d_type = ELF_T_RELA;
			d->d_align = 8;
			d->d_version = EV_CURRENT;
		}
		align = sh.sh_addralign ? sh.sh_addralign : 1;
		off = (off + align - 1) / align * align;
		sh.sh_offset = off;
		if (sh.sh_type != SHT_NOBITS) {
			sh.sh_size = d->d_size;
			off += d->d_size;
		}
		if (!gelf_update_shdr(scn, &sh))
			die("writing section %zu: %s", i, elf_errmsg(-1));
	}
	eh.e_shoff = (off + 7) / 8 * 8;
	eh.e_shnum = (Elf64_Half)(m->shnum + m->nklp_secs);
	if (!gelf_update_ehdr(out, &eh))
		die("writing the ELF header: %s", elf_errmsg(-1));
	elf_flagelf(out, ELF_C_SET, ELF_F_LAYOUT);
	if (elf_update(out, ELF_C_WRITE) < 0)
		die("writing: %s", elf_errmsg(-1));
	elf_end(out);
}

int main(int argc, char **argv)
{
	struct module m = { 0 };
	int fd, out_fd;

	if (argc != 3) {
		fprintf(stderr, "usage: create-klp-module IN.ko OUT.ko\n"
				"Converts .livepatch.relocs into .klp.rela.* sections and .klp.sym.* symbols.\n"
				"Exit codes: 0 written, 1 error.\n");
		return argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) ? 0 : 1;
	}
	in_path = argv[1];
	if (asprintf(&tmp_path, "%s.tmp.%d", argv[2], (int)getpid()) < 0)
		die("out of memory");
	elf_version(EV_CURRENT);
	fd = open(in_path, O_RDONLY);
	if (fd < 0)
		die("cannot open: %s", strerror(errno));
	m.elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!m.elf || elf_kind(m.elf) != ELF_K_ELF || gelf_getclass(m.elf) != ELFCLASS64)
		die("not a 64-bit ELF object");

	find_sections(&m);   /* passes: locate, convert, write */
	convert_relocs(&m);
	out_fd = open(tmp_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out_fd < 0)
		die("cannot create %s: %s", tmp_path, strerror(errno));
	write_output(&m, out_fd);
	close(out_fd);
	elf_end(m.elf);
	close(fd);
	if (rename(tmp_path, argv[2]))
		die("renaming to %s: %s", argv[2], strerror(errno));
	for (size_t i = 0; i < m.nklp_secs; i++) {
		free(m.klp_secs[i].name);
		free(m.klp_secs[i].relas.data);
	}
	free(m.klp_secs);
	for (size_t i = 0; i < m.njoined; i++)
		free(m.joined[i]);
	free(m.new_syms.data);
	free(m.new_strs.data);
	free(m.new_shstrs.data);
	map_free(&m.klp_syms);
	map_free(&m.klp_sec_index);
	free(tmp_path);
	return 0;
}
