// SPDX-License-Identifier: GPL-2.0
/*
 * lpdump: print a create-diff-object output object as sorted, stable text,
 * one fact per line, so unit cases can state their expectations as lines.
 *
 *   section NAME TYPE FLAGS
 *   size NAME BYTES                 (allocated sections)
 *   func NAME BIND SECTION          (also: object, undef NAME)
 *   reloc SEC+0xOFF -> TARGET+ADDEND TYPE
 *   klp-func OLDNAME OBJNAME SYMPOS -> NEWFUNC
 *   klp-reloc SEC+0xOFF -> OBJNAME:SYMNAME,SYMPOS TYPE ADDEND
 *   callback KIND -> FN OBJNAME
 *   printk-index FUNC                (.printk_index -> pi_entry -> func)
 *   modinfo STRING
 *   bytes SEC HEX                    (.orc_unwind)
 *
 * Exit 0 on success, 1 (with a message naming the file) on bad input.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct rel {
	uint64_t off;
	size_t sym;
	int64_t addend;
	uint32_t type;
};

struct sec {
	GElf_Shdr sh;
	const char *name;
	Elf_Data *data;
	struct rel *rels; /* relocations against this section, sorted by off */
	size_t nrels;
};

struct sym {
	GElf_Sym st;
	const char *name;
};

struct addr { /* (section, value) -> symbol, sorted for bsearch */
	size_t shndx;
	uint64_t value;
	size_t sym;
};

struct dump {
	const char *path;
	Elf *elf;
	struct sec *secs;
	size_t nsecs;
	struct sym *syms;
	size_t nsyms;
	struct addr *addrs;
	size_t naddrs;
	char **lines;
	size_t nlines, caplines;
};

static const char *prog = "lpdump";

static void die(const struct dump *d, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, d->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p) {
		perror(prog);
		exit(1);
	}
	return p;
}

static void emit(struct dump *d, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	if (vasprintf(&line, fmt, ap) < 0) {
		perror(prog);
		exit(1);
	}
	va_end(ap);
	if (d->nlines == d->caplines) {
		d->caplines = d->caplines ? 2 * d->caplines : 64;
		d->lines = realloc(d->lines, d->caplines * sizeof(*d->lines));
		if (!d->lines) {
			perror(prog);
			exit(1);
		}
	}
	d->lines[d->nlines++] = line;
}

/* ---- tables: names for numbers ---- */

struct name { uint64_t val; const char *name; };

static const struct name sec_types[] = {
	{ SHT_NULL, "NULL" }, { SHT_PROGBITS, "PROGBITS" },
	{ SHT_SYMTAB, "SYMTAB" }, { SHT_STRTAB, "STRTAB" },
	{ SHT_RELA, "RELA" }, { SHT_REL, "REL" }, { SHT_NOBITS, "NOBITS" },
	{ SHT_NOTE, "NOTE" }, { SHT_GROUP, "GROUP" },
	{ SHT_INIT_ARRAY, "INIT_ARRAY" }, { SHT_FINI_ARRAY, "FINI_ARRAY" },
	{ 0x6fff4c03 /* SHT_LLVM_ADDRSIG */, "ADDRSIG" }, { 0, NULL },
};

static const struct name rel_types[] = {
	{ R_X86_64_NONE, "R_X86_64_NONE" }, { R_X86_64_64, "R_X86_64_64" },
	{ R_X86_64_PC32, "R_X86_64_PC32" }, { R_X86_64_PLT32, "R_X86_64_PLT32" },
	{ R_X86_64_32, "R_X86_64_32" }, { R_X86_64_32S, "R_X86_64_32S" },
	{ R_X86_64_PC64, "R_X86_64_PC64" }, { R_X86_64_16, "R_X86_64_16" },
	{ R_X86_64_GOTPCREL, "R_X86_64_GOTPCREL" },
	{ R_X86_64_GOTPCRELX, "R_X86_64_GOTPCRELX" },
	{ R_X86_64_REX_GOTPCRELX, "R_X86_64_REX_GOTPCRELX" }, { 0, NULL },
};

static const struct name binds[] = {
	{ STB_LOCAL, "LOCAL" }, { STB_GLOBAL, "GLOBAL" }, { STB_WEAK, "WEAK" },
	{ 0, NULL },
};

/* Flag letters as readelf prints them. */
static const struct name flag_letters[] = {
	{ SHF_WRITE, "W" }, { SHF_ALLOC, "A" }, { SHF_EXECINSTR, "X" },
	{ SHF_MERGE, "M" }, { SHF_STRINGS, "S" }, { SHF_INFO_LINK, "I" },
	{ SHF_LINK_ORDER, "L" }, { SHF_OS_NONCONFORMING, "O" },
	{ SHF_GROUP, "G" }, { SHF_TLS, "T" }, { SHF_EXCLUDE, "E" },
	{ 0x00100000 /* SHF_RELA_LIVEPATCH */, "K" }, { 0, NULL },
};

static const char *lookup(const struct name *t, uint64_t val, char *buf,
			  size_t len)
{
	for (; t->name; t++)
		if (t->val == val)
			return t->name;
	snprintf(buf, len, "0x%" PRIx64, val);
	return buf;
}

/* ---- reading ---- */

static int cmp_rel(const void *a, const void *b)
{
	const struct rel *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

static int cmp_addr(const void *a, const void *b)
{
	const struct addr *x = a, *y = b;

	if (x->shndx != y->shndx)
		return x->shndx < y->shndx ? -1 : 1;
	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->sym < y->sym ? -1 : x->sym > y->sym;
}

static void read_sections(struct dump *d)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrnum(d->elf, &d->nsecs) || elf_getshdrstrndx(d->elf, &shstrndx))
		die(d, "cannot read section headers: %s", elf_errmsg(-1));
	d->secs = xcalloc(d->nsecs, sizeof(*d->secs));
	while ((scn = elf_nextscn(d->elf, scn))) {
		size_t i = elf_ndxscn(scn);
		struct sec *s = &d->secs[i];

		if (!gelf_getshdr(scn, &s->sh))
			die(d, "section %zu: %s", i, elf_errmsg(-1));
		s->name = elf_strptr(d->elf, shstrndx, s->sh.sh_name);
		if (!s->name)
			die(d, "section %zu: bad name", i);
		s->data = elf_getdata(scn, NULL);
		if (!s->data && s->sh.sh_type != SHT_NOBITS && s->sh.sh_size)
			die(d, "section %s: cannot read data: %s", s->name,
			    elf_errmsg(-1));
	}
}

static void read_symbols(struct dump *d)
{
	for (size_t i = 1; i < d->nsecs; i++) {
		struct sec *s = &d->secs[i];

		if (s->sh.sh_type != SHT_SYMTAB)
			continue;
		if (!s->data || !s->sh.sh_entsize)
			die(d, "%s: empty symbol table", s->name);
		d->nsyms = s->sh.sh_size / s->sh.sh_entsize;
		d->syms = xcalloc(d->nsyms, sizeof(*d->syms));
		d->addrs = xcalloc(d->nsyms, sizeof(*d->addrs));
		for (size_t j = 0; j < d->nsyms; j++) {
			struct sym *y = &d->syms[j];

			if (!gelf_getsym(s->data, (int)j, &y->st))
				die(d, "symbol %zu: %s", j, elf_errmsg(-1));
			y->name = elf_strptr(d->elf, s->sh.sh_link, y->st.st_name);
			if (!y->name)
				die(d, "symbol %zu: bad name", j);
			if (GELF_ST_TYPE(y->st.st_info) == STT_SECTION &&
			    y->st.st_shndx < d->nsecs)
				y->name = d->secs[y->st.st_shndx].name;
			if (y->st.st_shndx && y->st.st_shndx < d->nsecs &&
			    GELF_ST_TYPE(y->st.st_info) != STT_SECTION)
				d->addrs[d->naddrs++] = (struct addr){
					y->st.st_shndx, y->st.st_value, j };
		}
		qsort(d->addrs, d->naddrs, sizeof(*d->addrs), cmp_addr);
		return;
	}
	die(d, "no symbol table");
}

static void read_relocs(struct dump *d)
{
	for (size_t i = 1; i < d->nsecs; i++) {
		struct sec *r = &d->secs[i], *t;
		size_t n;

		if (r->sh.sh_type != SHT_RELA)
			continue;
		if (r->sh.sh_info >= d->nsecs || !r->sh.sh_entsize)
			die(d, "%s: bad target section or entry size", r->name);
		t = &d->secs[r->sh.sh_info];
		n = r->data ? r->sh.sh_size / r->sh.sh_entsize : 0;
		t->rels = xcalloc(n, sizeof(*t->rels));
		t->nrels = n;
		for (size_t j = 0; j < n; j++) {
			GElf_Rela ra;

			if (!gelf_getrela(r->data, (int)j, &ra))
				die(d, "%s: entry %zu: %s", r->name, j, elf_errmsg(-1));
			t->rels[j] = (struct rel){ ra.r_offset, GELF_R_SYM(ra.r_info),
				ra.r_addend, (uint32_t)GELF_R_TYPE(ra.r_info) };
			if (t->rels[j].sym >= d->nsyms)
				die(d, "%s: entry %zu: symbol %zu out of range",
				    r->name, j, t->rels[j].sym);
		}
		qsort(t->rels, n, sizeof(*t->rels), cmp_rel);
	}
}

/* ---- resolving pointer fields ---- */

static const struct rel *rel_at(const struct sec *s, uint64_t off)
{
	struct rel key = { .off = off };

	return bsearch(&key, s->rels, s->nrels, sizeof(key), cmp_rel);
}

/* "SEC+0xOFF" for symbol + addend, always section-relative. */
static void place_name(const struct dump *d, size_t sym, int64_t addend,
		       char *buf, size_t len)
{
	const struct sym *y = &d->syms[sym];
	const char *sec = y->st.st_shndx < d->nsecs ? d->secs[y->st.st_shndx].name : "?";

	snprintf(buf, len, "%s+0x%" PRIx64, sec, y->st.st_value + (uint64_t)addend);
}

/* A function or object name for section symbol + addend, else the symbol's name. */
static const char *target_name(const struct dump *d, const struct rel *r)
{
	const struct sym *y = &d->syms[r->sym];
	struct addr key;
	size_t lo = 0, hi = d->naddrs;

	if (GELF_ST_TYPE(y->st.st_info) != STT_SECTION)
		return y->name;
	/* lower bound of (section, value): the first symbol at that address */
	key = (struct addr){ y->st.st_shndx, (uint64_t)r->addend, 0 };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_addr(&d->addrs[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->naddrs && d->addrs[lo].shndx == key.shndx &&
	    d->addrs[lo].value == key.value)
		return d->syms[d->addrs[lo].sym].name;
	return y->name;
}

static const char *string_at(const struct dump *d, const struct rel *r)
{
	const struct sym *y = &d->syms[r->sym];
	const struct sec *s;
	uint64_t off;

	if (y->st.st_shndx == 0 || y->st.st_shndx >= d->nsecs)
		return y->name; /* an undefined symbol: show its name */
	s = &d->secs[y->st.st_shndx];
	off = y->st.st_value + (uint64_t)r->addend;
	if (!s->data || off >= s->data->d_size ||
	    !memchr((char *)s->data->d_buf + off, 0, s->data->d_size - off))
		die(d, "string at %s+0x%" PRIx64 " out of bounds", s->name, off);
	return (char *)s->data->d_buf + off;
}

static const struct rel *need_rel(const struct dump *d, const struct sec *s,
				  uint64_t off)
{
	const struct rel *r = rel_at(s, off);

	if (!r)
		die(d, "%s+0x%" PRIx64 ": pointer field has no relocation", s->name, off);
	return r;
}

static uint64_t u64_at(const struct sec *s, uint64_t off)
{
	uint64_t v;

	memcpy(&v, (char *)s->data->d_buf + off, sizeof(v));
	return v;
}

static const struct sec *entries(const struct dump *d, const struct sec *s,
				 size_t entsize, size_t *n)
{
	size_t size = s->data ? s->data->d_size : 0;

	if (size % entsize)
		die(d, "%s: size %zu is not a multiple of %zu", s->name, size, entsize);
	*n = size / entsize;
	return s;
}

/* ---- passes: one per kind of line ---- */

static void dump_sections(struct dump *d)
{
	char tbuf[32];

	for (size_t i = 1; i < d->nsecs; i++) {
		const struct sec *s = &d->secs[i];
		char flags[32] = "";

		for (const struct name *f = flag_letters; f->name; f++)
			if (s->sh.sh_flags & f->val)
				strcat(flags, f->name);
		emit(d, "section %s %s %s", s->name,
		     lookup(sec_types, s->sh.sh_type, tbuf, sizeof(tbuf)),
		     *flags ? flags : "-");
		if (s->sh.sh_flags & SHF_ALLOC)
			emit(d, "size %s %" PRIu64, s->name, (uint64_t)s->sh.sh_size);
		if (s->sh.sh_flags & SHF_LINK_ORDER)
			emit(d, "link-order %s -> %s", s->name,
			     s->sh.sh_link && s->sh.sh_link < d->nsecs ? d->secs[s->sh.sh_link].name : "(none)");
	}
}

/* "code FUNC HEX": a function's bytes (relocated fields read as written,
 * usually zero), for cases about the instructions themselves. */
static void dump_code(struct dump *d, const struct sym *y)
{
	const struct sec *s;
	const unsigned char *p;
	char *hex;

	if (y->st.st_shndx >= d->nsecs || !y->st.st_size)
		return;
	s = &d->secs[y->st.st_shndx];
	if (!s->data || y->st.st_value > s->data->d_size || y->st.st_size > s->data->d_size - y->st.st_value)
		return;
	p = (const unsigned char *)s->data->d_buf + y->st.st_value;
	hex = malloc(2 * y->st.st_size + 1);
	if (!hex) {
		perror(prog);
		exit(1);
	}
	for (size_t i = 0; i < y->st.st_size; i++)
		sprintf(hex + 2 * i, "%02x", p[i]);
	emit(d, "code %s %s", y->name, hex);
	free(hex);
}

static const struct sec *find_sec(const struct dump *d, const char *name);

/* "bytes SEC HEX": the bytes of a table whose entries have no relocations
 * of their own (.orc_unwind: what each .orc_unwind_ip entry's state is). */
static void dump_bytes(struct dump *d)
{
	static const char *const tables[] = { ".orc_unwind" };

	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		const struct sec *s = find_sec(d, tables[t]);
		const unsigned char *p;
		char *hex;

		if (!s || !s->data || !s->data->d_buf)
			continue;
		p = s->data->d_buf;
		hex = malloc(2 * s->data->d_size + 1);
		if (!hex) {
			perror(prog);
			exit(1);
		}
		hex[0] = 0;
		for (size_t i = 0; i < s->data->d_size; i++)
			sprintf(hex + 2 * i, "%02x", p[i]);
		emit(d, "bytes %s %s", s->name, hex);
		free(hex);
	}
}

static void dump_symbols(struct dump *d)
{
	char bbuf[32];

	for (size_t i = 1; i < d->nsyms; i++) {
		const struct sym *y = &d->syms[i];
		int type = GELF_ST_TYPE(y->st.st_info);
		const char *bind = lookup(binds, GELF_ST_BIND(y->st.st_info),
					  bbuf, sizeof(bbuf));

		if (y->st.st_shndx == SHN_UNDEF) {
			if (*y->name)
				emit(d, "undef %s", y->name);
			continue;
		}
		if (type != STT_FUNC && type != STT_OBJECT)
			continue;
		emit(d, "%s %s %s %s", type == STT_FUNC ? "func" : "object",
		     y->name, bind, y->st.st_shndx < d->nsecs ?
		     d->secs[y->st.st_shndx].name : "ABS");
		if (type == STT_FUNC)
			dump_code(d, y);
	}
}

static void dump_relocs(struct dump *d)
{
	char tbuf[32];

	for (size_t i = 1; i < d->nsecs; i++) {
		const struct sec *s = &d->secs[i];

		for (size_t j = 0; j < s->nrels; j++) {
			const struct rel *r = &s->rels[j];

			emit(d, "reloc %s+0x%" PRIx64 " -> %s%+" PRId64 " %s",
			     s->name, r->off, d->syms[r->sym].name, r->addend,
			     lookup(rel_types, r->type, tbuf, sizeof(tbuf)));
		}
	}
}

static const struct sec *find_sec(const struct dump *d, const char *name)
{
	for (size_t i = 1; i < d->nsecs; i++) /* once per kind, not per lookup */
		if (!strcmp(d->secs[i].name, name))
			return &d->secs[i];
	return NULL;
}

static void dump_funcs(struct dump *d)
{
	const struct sec *s = find_sec(d, ".livepatch.funcs");
	size_t n;

	if (!s)
		return;
	entries(d, s, 32, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t o = i * 32;

		emit(d, "klp-func %s %s %" PRIu64 " -> %s",
		     string_at(d, need_rel(d, s, o + 8)),
		     string_at(d, need_rel(d, s, o + 16)), u64_at(s, o + 24),
		     target_name(d, need_rel(d, s, o)));
	}
}

static void dump_klp_relocs(struct dump *d)
{
	const struct sec *s = find_sec(d, ".livepatch.relocs");
	char tbuf[32], place[256];
	size_t n;

	if (!s)
		return;
	entries(d, s, 48, &n);
	for (size_t i = 0; i < n; i++) {
		uint64_t o = i * 32 + i * 16;
		const struct rel *p = need_rel(d, s, o);
		uint32_t type;

		memcpy(&type, (char *)s->data->d_buf + o + 32, sizeof(type));
		place_name(d, p->sym, p->addend, place, sizeof(place));
		emit(d, "klp-reloc %s -> %s:%s,%" PRIu64 " %s %" PRId64, place,
		     string_at(d, need_rel(d, s, o + 16)),
		     string_at(d, need_rel(d, s, o + 8)), u64_at(s, o + 24),
		     lookup(rel_types, type, tbuf, sizeof(tbuf)),
		     (int64_t)u64_at(s, o + 40));
	}
}

static void dump_callbacks(struct dump *d)
{
	static const char *const kinds[] = {
		"pre_patch", "post_patch", "pre_unpatch", "post_unpatch",
	};

	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		char name[64];
		const struct sec *s;
		size_t n;

		snprintf(name, sizeof(name), ".livepatch.callbacks.%s", kinds[k]);
		s = find_sec(d, name);
		if (!s)
			continue;
		entries(d, s, 16, &n);
		for (size_t i = 0; i < n; i++) {
			const struct rel *obj = rel_at(s, i * 16 + 8);

			emit(d, "callback %s -> %s %s", kinds[k],
			     target_name(d, need_rel(d, s, i * 16)),
			     obj ? string_at(d, obj) : "-");
		}
	}
}

/* .printk_index: pointers to struct pi_entry { fmt, func, file, line, ... }. */
static void dump_printk_index(struct dump *d)
{
	const struct sec *s = find_sec(d, ".printk_index");
	size_t n;

	if (!s)
		return;
	entries(d, s, 8, &n);
	for (size_t i = 0; i < n; i++) {
		const struct rel *p = need_rel(d, s, i * 8), *f = NULL;
		const struct sym *y = &d->syms[p->sym];

		if (y->st.st_shndx && y->st.st_shndx < d->nsecs)
			f = rel_at(&d->secs[y->st.st_shndx],
				   y->st.st_value + (uint64_t)p->addend + 8);
		emit(d, "printk-index %s", f ? string_at(d, f) : "?");
	}
}

static void dump_modinfo(struct dump *d)
{
	const struct sec *s = find_sec(d, ".modinfo");
	const char *p, *end;

	if (!s || !s->data)
		return;
	p = s->data->d_buf;
	end = p + s->data->d_size;
	while (p < end) {
		size_t len = strnlen(p, (size_t)(end - p));

		if (len)
			emit(d, "modinfo %.*s", (int)len, p);
		p += len + 1;
	}
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_and_free(struct dump *d)
{
	qsort(d->lines, d->nlines, sizeof(*d->lines), cmp_line);
	for (size_t i = 0; i < d->nlines; i++) {
		puts(d->lines[i]);
		free(d->lines[i]);
	}
	free(d->lines);
	for (size_t i = 0; i < d->nsecs; i++)
		free(d->secs[i].rels);
	free(d->secs);
	free(d->syms);
	free(d->addrs);
}

int main(int argc, char **argv)
{
	struct dump d = { 0 };
	GElf_Ehdr eh;
	int fd;

	if (argc != 2 || !strcmp(argv[1], "--help")) {
		fprintf(stderr, "usage: %s OBJECT.o\n"
			"Prints the object as sorted lines; exit 0 ok, 1 bad input.\n",
			prog);
		return argc == 2 ? 0 : 1;
	}
	d.path = argv[1];
	if (elf_version(EV_CURRENT) == EV_NONE)
		die(&d, "libelf: %s", elf_errmsg(-1));
	fd = open(d.path, O_RDONLY);
	if (fd < 0)
		die(&d, "%s", strerror(errno));
	d.elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!d.elf || elf_kind(d.elf) != ELF_K_ELF || !gelf_getehdr(d.elf, &eh))
		die(&d, "not an ELF object");
	if (eh.e_type != ET_REL)
		die(&d, "not a relocatable object");

	read_sections(&d);
	read_symbols(&d);
	read_relocs(&d);

	dump_sections(&d);
	dump_symbols(&d);
	dump_bytes(&d);
	dump_relocs(&d);
	dump_funcs(&d);
	dump_klp_relocs(&d);
	dump_callbacks(&d);
	dump_printk_index(&d);
	dump_modinfo(&d);

	print_and_free(&d);
	elf_end(d.elf);
	close(fd);
	return 0;
}
