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
 * Exit: 0 written, 1 error (message names the file and the section, symbol
 * or entry). The input is checked where it is read: header (elfcheck.c),
 * every section header, the symbol and string tables, the metadata.
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

#include "elfcheck.h"
#include "klp-placeholder.h"
#include "tmpout.h"

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

__attribute__((noreturn, format(printf, 1, 2)))
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "create-klp-module: %s: ", in_path ? in_path : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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
	Elf *elf, *out;
	size_t file_size;
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
	struct buf *kept_relas;  /* per section: its relocations without placeholders */
	bool *placeholder;       /* per symbol: it is KLP_PLACEHOLDER */
	struct klp_reloc *entries; /* while .livepatch.relocs is converted */
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
		die("section %zu: data: %s", elf_ndxscn(scn), elf_errmsg(-1));
	return d;
}

/* Data of a section whose bytes are needed: never SHT_NOBITS. WHAT says
 * what it is needed for. */
static Elf_Data *needed_data(struct module *m, Elf_Scn *scn, const char *what)
{
	Elf_Data *d;

	if (shdr_of(scn).sh_type == SHT_NOBITS)
		die("%s: SHT_NOBITS where %s is needed", sec_name(m, scn), what);
	d = whole_data(scn);
	if (d->d_size && !d->d_buf)
		die("%s: no data where %s is needed", sec_name(m, scn), what);
	return d;
}

/* What every section header must satisfy: a name, data inside the file, a
 * sane alignment (it is honoured in the output). */
static void check_section(struct module *m, Elf_Scn *scn)
{
	GElf_Shdr sh = shdr_of(scn);

	if (!elf_strptr(m->elf, m->shstrndx, sh.sh_name))
		die("section %zu: sh_name 0x%x is not a string of the section name table", elf_ndxscn(scn), sh.sh_name);
	if (sh.sh_type != SHT_NOBITS && sh.sh_size &&
	    (sh.sh_offset > m->file_size || sh.sh_size > m->file_size - sh.sh_offset))
		die("%s: sh_offset 0x%" PRIx64 " + sh_size 0x%" PRIx64 " past the end of the file (0x%zx bytes)",
		    sec_name(m, scn), (uint64_t)sh.sh_offset, (uint64_t)sh.sh_size, m->file_size);
	if (sh.sh_entsize > 1 && sh.sh_size % sh.sh_entsize)
		die("%s: sh_entsize 0x%" PRIx64 " does not divide sh_size 0x%" PRIx64, sec_name(m, scn),
		    (uint64_t)sh.sh_entsize, (uint64_t)sh.sh_size);
	if (!align_ok(sh.sh_addralign))
		die("%s: sh_addralign 0x%" PRIx64 " is not a power of two up to 0x%x", sec_name(m, scn),
		    (uint64_t)sh.sh_addralign, CDO_MAX_ALIGN);
}

/* A string table: SHT_STRTAB with data, NUL-terminated. */
static void check_strtab(struct module *m, Elf_Scn *scn, const char *what)
{
	Elf_Data *d;

	if (shdr_of(scn).sh_type != SHT_STRTAB)
		die("%s: %s where %s (SHT_STRTAB) is needed", sec_name(m, scn),
		    shdr_of(scn).sh_type == SHT_NOBITS ? "SHT_NOBITS" : "not a string table", what);
	d = needed_data(m, scn, what);
	if (!d->d_size || ((const char *)d->d_buf)[d->d_size - 1])
		die("%s: string table empty or not NUL-terminated", sec_name(m, scn));
}

static void find_sections(struct module *m)
{
	Elf_Scn *scn = NULL;
	size_t relocs_index = 0;

	if (elf_getshdrnum(m->elf, &m->shnum) || elf_getshdrstrndx(m->elf, &m->shstrndx))
		die("unreadable section headers: %s", elf_errmsg(-1));
	if (m->shnum >= SHN_LORESERVE)
		die("%zu sections: extended section numbering is not supported", m->shnum);
	m->shstrtab = elf_getscn(m->elf, m->shstrndx);
	if (!m->shstrtab || !m->shstrndx)
		die("ELF header: e_shstrndx %zu is not a section", m->shstrndx);
	check_strtab(m, m->shstrtab, "the section names");
	while ((scn = elf_nextscn(m->elf, scn))) {
		GElf_Shdr sh = shdr_of(scn);

		check_section(m, scn);
		if (sh.sh_type == SHT_SYMTAB) {
			if (m->symtab)
				die("%s: a second symbol table", sec_name(m, scn));
			if (sh.sh_size < sizeof(Elf64_Sym))
				die("%s: sh_size %" PRIu64 ": not even the null symbol", sec_name(m, scn), (uint64_t)sh.sh_size);
			if (sh.sh_entsize != sizeof(Elf64_Sym) || sh.sh_size % sizeof(Elf64_Sym))
				die("%s: sh_entsize %" PRIu64 " or sh_size %" PRIu64 " is not a whole number of symbols",
				    sec_name(m, scn), (uint64_t)sh.sh_entsize, (uint64_t)sh.sh_size);
			m->symtab = scn;
			m->strtab = sh.sh_link && sh.sh_link < m->shnum ? elf_getscn(m->elf, sh.sh_link) : NULL;
			if (!m->strtab)
				die("%s: sh_link %u is not a section", sec_name(m, scn), sh.sh_link);
		} else if (!strcmp(sec_name(m, scn), ".livepatch.relocs")) {
			m->relocs = scn;
			relocs_index = elf_ndxscn(scn);
		}
	}
	if (!m->symtab)
		die("no symbol table");
	check_strtab(m, m->strtab, "the symbol names");
	/* Second walk: the relocations that apply to .livepatch.relocs. */
	for (scn = NULL; relocs_index && (scn = elf_nextscn(m->elf, scn));) {
		GElf_Shdr sh = shdr_of(scn);

		if (sh.sh_type != SHT_RELA || sh.sh_info != relocs_index)
			continue;
		if (m->relocs_rela)
			die("%s: a second relocation section for .livepatch.relocs", sec_name(m, scn));
		if (sh.sh_link != elf_ndxscn(m->symtab))
			die("%s: sh_link %u is not the symbol table (%zu)", sec_name(m, scn), sh.sh_link,
			    elf_ndxscn(m->symtab));
		if (sh.sh_entsize != sizeof(Elf64_Rela) || sh.sh_size % sizeof(Elf64_Rela))
			die("%s: sh_entsize %" PRIu64 " or sh_size %" PRIu64 " is not a whole number of relocations",
			    sec_name(m, scn), (uint64_t)sh.sh_entsize, (uint64_t)sh.sh_size);
		m->relocs_rela = scn;
	}
	m->syms = needed_data(m, m->symtab, "the symbols");
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
	if (sym.st_shndx >= m->shnum)
		die("symbol %zu: st_shndx %u is not a section", (size_t)GELF_R_SYM(r->r_info), sym.st_shndx);
	*secidx = sym.st_shndx;
	*offset = sym.st_value + (uint64_t)r->r_addend;
}

static const char *string_at(struct module *m, const GElf_Rela *r)
{
	size_t secidx;
	uint64_t off;
	Elf_Data *d;

	resolve(m, r, &secidx, &off);
	d = needed_data(m, elf_getscn(m->elf, secidx), "the strings of .livepatch.relocs");
	if (d->d_type != ELF_T_BYTE || off >= d->d_size || !memchr((char *)d->d_buf + off, 0, d->d_size - off))
		die("a .livepatch.relocs string is outside its section");
	return (char *)d->d_buf + off;
}

/* The metadata of one entry: where and what to relocate. */
struct klp_reloc {
	size_t place_sec;
	uint64_t place_off;
	const char *symname, *objname;
	const char *symobj;		/* "OBJ:SYMOBJ": the symbol is in another module */
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
	if (asprintf(&name, ".klp.sym.%s.%s,%" PRIu64, k->symobj, k->symname, k->sympos) < 0)
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

/* The first OBJLEN characters of OBJNAME name the object. */
static struct klp_rela_sec *klp_section(struct module *m, const char *objname, int objlen, size_t target)
{
	char *name;
	size_t *slot;
	bool found;

	if (asprintf(&name, ".klp.rela.%.*s%s", objlen, objname, sec_name(m, elf_getscn(m->elf, target))) < 0)
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

/* The kernel reads ".klp.sym.OBJ.NAME,POS" with "%55[^.]": an object name
 * is a module name (at most 55 characters, no dot) or vmlinux. */
static bool valid_objname(const char *s, size_t len)
{
	return len && len <= 55 && !memchr(s, '.', len) && !memchr(s, ':', len);
}

/* OBJNAME, or "OBJ:SYMOBJ" for an export of another module that the
 * relocation of OBJ's code needs: the relocation section is OBJ's (applied
 * when OBJ is patched), the symbol SYMOBJ's. Returns the length of OBJ. */
static int split_objname(struct klp_reloc *k, size_t i)
{
	const char *colon = strchr(k->objname, ':');
	size_t len = colon ? (size_t)(colon - k->objname) : strlen(k->objname);

	k->symobj = colon ? colon + 1 : k->objname;
	if (!valid_objname(k->objname, len) || !valid_objname(k->symobj, strlen(k->symobj)))
		die(".livepatch.relocs entry %zu: object name '%s' is not a module name", i, k->objname);
	return (int)len;
}

static void convert_relocs(struct module *m)
{
	Elf_Data *meta, *relas;
	size_t n, i, nrelas;
	struct klp_reloc *entries;

	if (!m->relocs)
		return;
	meta = needed_data(m, m->relocs, "the relocation entries");
	if (meta->d_size % RELOC_ENTRY_SIZE)
		die(".livepatch.relocs size %zu is not a multiple of %d", meta->d_size, RELOC_ENTRY_SIZE);
	n = meta->d_size / RELOC_ENTRY_SIZE;
	if (!n)
		return;
	if (!m->relocs_rela)
		die(".livepatch.relocs has %zu entries but no relocations", n);
	entries = m->entries = xcalloc(n, sizeof(*entries));
	for (i = 0; i < n; i++) {
		const unsigned char *e = (const unsigned char *)meta->d_buf + i * RELOC_ENTRY_SIZE;

		memcpy(&entries[i].sympos, e + FIELD_SYMPOS, 8);
		memcpy(&entries[i].type, e + FIELD_TYPE, 4);
		memcpy(&entries[i].addend, e + FIELD_ADDEND, 8);
	}
	relas = needed_data(m, m->relocs_rela, "the relocations");
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
		sec = klp_section(m, k->objname, split_objname(k, i), k->place_sec);
		out.r_offset = k->place_off;
		out.r_info = ELF64_R_INFO(klp_symbol(m, k), k->type);
		out.r_addend = k->addend;
		buf_add(&sec->relas, &out, sizeof(out));
	}
	free(entries);
	m->entries = NULL;
}

/* Relocations against KLP_PLACEHOLDER only gave objtool a destination for
 * the sites of livepatch relocations; the module must not carry them (the
 * kernel applies a livepatch relocation only to zeroed bytes). */
static void drop_placeholders(struct module *m)
{
	Elf_Data *names = whole_data(m->strtab);
	bool any = false;
	Elf_Scn *scn = NULL;

	/* held by the module, so that die() (a longjmp in the fuzzer) frees it */
	m->placeholder = xcalloc(m->nsyms ? m->nsyms : 1, sizeof(bool));
	for (size_t i = 1; i < m->nsyms; i++) {
		GElf_Sym sym = symbol(m, i);

		if (sym.st_name < names->d_size &&
		    !strcmp((const char *)names->d_buf + sym.st_name, KLP_PLACEHOLDER))
			any = m->placeholder[i] = true;
	}
	if (any)
		m->kept_relas = xcalloc(m->shnum, sizeof(*m->kept_relas));
	while (any && (scn = elf_nextscn(m->elf, scn))) {
		GElf_Shdr sh = shdr_of(scn);
		struct buf *kept = &m->kept_relas[elf_ndxscn(scn)];
		Elf_Data *d;
		size_t n;

		if (sh.sh_type != SHT_RELA || sh.sh_link != elf_ndxscn(m->symtab) || scn == m->relocs_rela)
			continue;
		d = needed_data(m, scn, "relocations");
		n = d->d_size / sizeof(Elf64_Rela);
		for (size_t k = 0; k < n; k++) {
			const Elf64_Rela *r = (const Elf64_Rela *)d->d_buf + k;
			size_t symi = ELF64_R_SYM(r->r_info);

			if (symi >= m->nsyms)
				die("%s: relocation %zu refers to symbol %zu of %zu", sec_name(m, scn), k, symi, m->nsyms);
			if (!m->placeholder[symi])
				buf_add(kept, r, sizeof(*r));
		}
		if (kept->len == d->d_size) {
			free(kept->data);
			memset(kept, 0, sizeof(*kept));
			continue;
		}
		kept->cap = kept->cap ? kept->cap : 1;	/* marks "filtered", even when empty */
	}
}

/* Old bytes followed by new ones, in a buffer the module owns until exit. */
static void *joined(struct module *m, const Elf_Data *old, const struct buf *add, size_t *size)
{
	char *j = xcalloc(1, old->d_size + add->len);

	if (old->d_size)
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
	Elf *out = m->out = elf_begin(fd, ELF_C_WRITE, NULL);
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
			else if (m->kept_relas && m->kept_relas[i].cap) {
				d->d_buf = m->kept_relas[i].data;
				d->d_size = m->kept_relas[i].len;
			}
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
	m->out = NULL;
}

static void open_input(struct module *m, int *fd)
{
	struct stat st;
	char buf[200];
	const char *why;

	*fd = open(in_path, O_RDONLY);
	if (*fd < 0)
		die("cannot open: %s", strerror(errno));
	if (fstat(*fd, &st))
		die("cannot stat: %s", strerror(errno));
	if (S_ISDIR(st.st_mode))
		die("is a directory");
	if (!S_ISREG(st.st_mode))
		die("not a regular file");
	m->file_size = (size_t)st.st_size;
	m->elf = elf_begin(*fd, ELF_C_READ, NULL);
	if (!m->elf)
		die("cannot read ELF: %s", elf_errmsg(-1));
	why = elf_header_problem(m->elf, buf, sizeof(buf));
	if (why)
		die("%s", why);
}

/* The module being converted: global so that everything it holds can be
 * freed from anywhere (klp_free_all). */
static struct module mod;
static int in_fd = -1;

/* Frees what the conversion holds, so that another run can start in the
 * same process (the fuzz harness, after an error). */
void klp_free_all(void);
void klp_free_all(void)
{
	struct module *m = &mod;

	for (size_t i = 0; i < m->nklp_secs; i++) {
		free(m->klp_secs[i].name);
		free(m->klp_secs[i].relas.data);
	}
	free(m->klp_secs);
	free(m->entries);
	for (size_t i = 0; m->kept_relas && i < m->shnum; i++)
		free(m->kept_relas[i].data);
	free(m->kept_relas);
	free(m->placeholder);
	for (size_t i = 0; i < m->njoined; i++)
		free(m->joined[i]);
	free(m->new_syms.data);
	free(m->new_strs.data);
	free(m->new_shstrs.data);
	map_free(&m->klp_syms);
	map_free(&m->klp_sec_index);
	if (m->out)
		elf_end(m->out);
	if (m->elf)
		elf_end(m->elf);
	if (in_fd >= 0)
		close(in_fd);
	in_fd = -1;
	memset(m, 0, sizeof(*m));
}

int main(int argc, char **argv)
{
	int out_fd;

	if (argc != 3) {
		fprintf(stderr, "usage: create-klp-module IN.ko OUT.ko\n"
				"Converts .livepatch.relocs into .klp.rela.* sections and .klp.sym.* symbols.\n"
				"Exit codes: 0 written, 1 error (unreadable, corrupt or not an x86_64 object, I/O).\n");
		return argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) ? 0 : 1;
	}
	in_path = argv[1];
	elf_version(EV_CURRENT);
	open_input(&mod, &in_fd);
	find_sections(&mod);   /* passes: locate, convert, drop placeholders, write */
	convert_relocs(&mod);
	drop_placeholders(&mod);
	out_fd = tmpout_open(argv[2]);
	if (out_fd < 0)
		die("cannot create a temporary file for %s: %s", argv[2], strerror(errno));
	write_output(&mod, out_fd);
	if (tmpout_commit())
		die("writing %s: %s", tmpout_path(), strerror(errno));
	klp_free_all();
	return 0;
}
