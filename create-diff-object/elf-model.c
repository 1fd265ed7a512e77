/* Reading an object into the model (see elf-model.h). Every index read from
 * the file is checked, so a corrupt or truncated object is an error naming
 * the file, never a crash. */
#include "elf-model.h"
#include "util.h"
#include "elfcheck.h"
#include <fcntl.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define bad(elf, ...) die(EXIT_ERROR, __VA_ARGS__)

/* COPY lives as long as the model. */
static void keep(struct elf *elf, void *copy)
{
	elf->copies = xgrow(elf->copies, elf->ncopies, sizeof(*elf->copies));
	elf->copies[elf->ncopies++] = copy;
}

/* P (N bytes) as the model keeps it: in the image as libelf returns it for
 * a native-order object, else (or when not aligned to ALIGN for use as an
 * array) a copy that lives as long as the model. */
static const void *borrow_aligned(struct elf *elf, const void *p, size_t n, size_t align)
{
	const unsigned char *b = p;
	void *copy;

	if (b >= elf->image && b <= elf->image + elf->image_size && n <= (size_t)(elf->image + elf->image_size - b) &&
	    (uintptr_t)b % align == 0)
		return p;
	copy = xcalloc(1, n ? n : 1);
	memcpy(copy, p, n);
	keep(elf, copy);
	return copy;
}

static const void *borrow(struct elf *elf, const void *p, size_t n)
{
	return borrow_aligned(elf, p, n, 1);
}

static const char *borrow_str(struct elf *elf, const char *s)
{
	return s ? borrow(elf, s, strlen(s) + 1) : NULL;
}

/* The string at OFF of string table section STR, or NULL when out of range
 * or unterminated. */
static const char *string_at(const struct sec *str, size_t off)
{
	if (str->sh->sh_type != SHT_STRTAB || !str->data || off >= str->size ||
	    !memchr(str->data + off, 0, str->size - off))
		return NULL;
	return (const char *)str->data + off;
}

static void check_header(struct elf *elf)
{
	char buf[200];
	const char *why = elf_header_problem(elf->e, buf, sizeof(buf));

	if (why)
		bad(elf, "%s: %s", elf->path, why);
}

/* What one section header must satisfy before any pass looks at it: the
 * data inside the file, a sane alignment (an absurd one would be honoured
 * in the output), no compression the passes cannot read. */
static void check_section(const struct elf *elf, const struct sec *sec)
{
	const Elf64_Shdr *sh = sec->sh;

	if (sh->sh_type != SHT_NOBITS && sh->sh_size &&
	    (sh->sh_offset > elf->image_size || sh->sh_size > elf->image_size - sh->sh_offset))
		bad(elf, "%s: %s: sh_offset 0x%lx + sh_size 0x%lx past the end of the file (0x%zx bytes)", elf->path,
		    sec->name, (unsigned long)sh->sh_offset, (unsigned long)sh->sh_size, elf->image_size);
	if (sh->sh_entsize > 1 && sh->sh_size % sh->sh_entsize)
		bad(elf, "%s: %s: sh_entsize 0x%lx does not divide sh_size 0x%lx", elf->path, sec->name,
		    (unsigned long)sh->sh_entsize, (unsigned long)sh->sh_size);
	if (!align_ok(sh->sh_addralign))
		bad(elf, "%s: %s: sh_addralign 0x%lx is not a power of two up to 0x%x", elf->path, sec->name,
		    (unsigned long)sh->sh_addralign, CDO_MAX_ALIGN);
	if (!strncmp(sec->name, ".zdebug", 7))
		bad(elf, "%s: %s: zlib-gnu compressed debug section (.zdebug_*): not supported; build without "
		    "-gz=zlib-gnu or run objcopy --decompress-debug-sections", elf->path, sec->name);
	if ((sh->sh_flags & SHF_COMPRESSED) && !is_debug_info(sec))
		bad(elf, "%s: %s: compressed section (SHF_COMPRESSED): not supported", elf->path, sec->name);
}

static const Elf64_Shdr null_shdr;

static void read_sections(struct elf *elf)
{
	size_t shstrndx;

	if (elf_getshdrnum(elf->e, &elf->nsecs) || elf_getshdrstrndx(elf->e, &shstrndx))
		bad(elf, "%s: unreadable section headers: %s", elf->path, elf_errmsg(-1));
	if (elf->nsecs < 1 || elf->nsecs >= UINT32_MAX)
		bad(elf, "%s: no sections, or too many", elf->path);
	elf->secs = xcalloc(elf->nsecs, sizeof(*elf->secs));
	ht_init_items(&elf->sec_by_name, elf->secs, sizeof(*elf->secs), offsetof(struct sec, name), elf->nsecs);
	elf->secs[0].name = "";
	elf->secs[0].sh = &null_shdr;
	for_each_sec(elf, sec) {
		const Elf64_Shdr *sh;
		Elf_Scn *scn;
		Elf_Data *d;

		sec->idx = (uint32_t)(sec - elf->secs);
		scn = elf_getscn(elf->e, sec->idx);
		if (!scn || !(sh = elf64_getshdr(scn)))
			bad(elf, "%s: section %u: unreadable header: %s", elf->path, sec->idx, elf_errmsg(-1));
		sec->sh = borrow_aligned(elf, sh, sizeof(*sh), _Alignof(Elf64_Shdr));
		sec->name = borrow_str(elf, elf_strptr(elf->e, shstrndx, sec->sh->sh_name));
		if (!sec->name)
			bad(elf, "%s: section %u: bad name", elf->path, sec->idx);
		sec->size = sec->sh->sh_size;
		check_section(elf, sec);
		if (sec->size > UINT32_MAX)
			bad(elf, "%s: %s: section larger than 4 GiB", elf->path, sec->name);
		if (sec->sh->sh_type != SHT_NOBITS && sec->size) {
			d = elf_getdata(scn, NULL);
			if (!d || !d->d_buf || d->d_size != sec->size)
				bad(elf, "%s: %s: unreadable section data: %s", elf->path, sec->name, elf_errmsg(-1));
			sec->data = (unsigned char *)borrow(elf, d->d_buf, d->d_size);
		}
		if (sec->sh->sh_type == SHT_SYMTAB) {
			if (elf->symtab)
				bad(elf, "%s: more than one symbol table", elf->path);
			elf->symtab = sec;
		}
		ht_put_item(&elf->sec_by_name, sec->idx);
	}
	if (!elf->symtab)
		bad(elf, "%s: no symbol table", elf->path);
}

static int cmp_sym_addr(const void *a, const void *b)
{
	const struct sym *x = *(struct sym *const *)a, *y = *(struct sym *const *)b;

	if (x->s->st_value != y->s->st_value)
		return x->s->st_value < y->s->st_value ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void read_symbols(struct elf *elf)
{
	struct sec *st = elf->symtab;
	const Elf64_Sym *table;
	const char *file = "";
	uint32_t fileno = 0;
	struct sec *str;

	if (st->sh->sh_entsize != sizeof(Elf64_Sym) || !st->data || st->size % sizeof(Elf64_Sym))
		bad(elf, "%s: %s: sh_entsize %lu or sh_size %zu is not a whole number of symbols (%zu bytes)", elf->path,
		    st->name, (unsigned long)st->sh->sh_entsize, st->size, sizeof(Elf64_Sym));
	if (st->sh->sh_link == 0 || st->sh->sh_link >= elf->nsecs)
		bad(elf, "%s: %s: sh_link %u is not a section", elf->path, st->name, st->sh->sh_link);
	str = &elf->secs[st->sh->sh_link];
	if (str->sh->sh_type != SHT_STRTAB)
		bad(elf, "%s: %s: %s where the symbol names (SHT_STRTAB) are needed", elf->path, str->name,
		    str->sh->sh_type == SHT_NOBITS ? "SHT_NOBITS" : "not a string table");
	if (!str->data || str->data[str->size - 1])
		bad(elf, "%s: %s: string table empty or not NUL-terminated", elf->path, str->name);
	elf->nsyms = st->size / sizeof(Elf64_Sym);
	table = borrow_aligned(elf, st->data, elf->nsyms * sizeof(Elf64_Sym), _Alignof(Elf64_Sym));
	if (elf->nsyms < 1 || elf->nsyms >= UINT32_MAX)
		bad(elf, "%s: empty symbol table, or too large", elf->path);
	elf->syms = xcalloc(elf->nsyms, sizeof(*elf->syms));
	ht_init_items(&elf->sym_by_name, elf->syms, sizeof(*elf->syms), offsetof(struct sym, name), elf->nsyms);
	ht_init_items(&elf->sym_by_base, elf->syms, sizeof(*elf->syms), offsetof(struct sym, base), elf->nsyms);
	elf->syms[0].name = "";
	elf->syms[0].s = &table[0];
	elf->syms[0].file = "";
	for_each_sym(elf, sym) {
		sym->idx = (size_t)(sym - elf->syms);
		sym->s = &table[sym->idx];
		sym->type = ELF64_ST_TYPE(sym->s->st_info);
		sym->bind = ELF64_ST_BIND(sym->s->st_info);
		sym->name = string_at(&elf->secs[st->sh->sh_link], sym->s->st_name);
		if (!sym->name)
			bad(elf, "%s: symbol %u: bad name", elf->path, sym->idx);
		if (sym->type == STT_FILE) {
			file = sym->name;
			fileno++;
		}
		sym->file = file;
		sym->fileno = fileno;
		if (sym->s->st_shndx == SHN_XINDEX)
			bad(elf, "%s: symbol %s: extended section indexes are not supported", elf->path, sym->name);
		if (sym->s->st_shndx != SHN_UNDEF && sym->s->st_shndx < SHN_LORESERVE) {
			if (sym->s->st_shndx >= elf->nsecs)
				bad(elf, "%s: symbol %s: section index %u out of range", elf->path, sym->name, sym->s->st_shndx);
			sym->sec = &elf->secs[sym->s->st_shndx];
		}
		if (sym->type == STT_SECTION) {
			if (!sym->sec)
				bad(elf, "%s: section symbol %u without a section", elf->path, sym->idx);
			sym->name = sym->sec->name;
			if (!sym->sec->secsym)
				sym->sec->secsym = sym;
			continue;
		}
		if (sym->type == STT_FILE) {
			if (!elf->file)
				elf->file = sym->name;
			continue;
		}
		if (!*sym->name) {
			/* only a compiler's own symbols go without a name */
			if (sym->type == STT_FUNC || sym->type == STT_OBJECT)
				bad(elf, "%s: symbol %u: a %s %s without a name (st_name 0x%x)", elf->path, sym->idx,
				    sym->bind == STB_LOCAL ? "local" : "global", sym->type == STT_FUNC ? "FUNC" : "OBJECT",
				    sym->s->st_name);
			continue;
		}
		if ((sym->type == STT_FUNC || sym->type == STT_OBJECT) && sym->sec && sym->sec->sh->sh_type != SHT_NOBITS &&
		    (sym->s->st_value > sym->sec->size || sym->s->st_size > sym->sec->size - sym->s->st_value))
			bad(elf, "%s: symbol %s: st_value 0x%lx + st_size 0x%lx beyond its section %s (0x%zx bytes)",
			    elf->path, sym->name, (unsigned long)sym->s->st_value, (unsigned long)sym->s->st_size,
			    sym->sec->name, sym->sec->size);
		sym->rank = ht_count(&elf->sym_by_name, sym->name);
		ht_put_item(&elf->sym_by_name, sym->idx);
		if (sym->sec)
			sym->sec->nsyms++;
	}
}

/* The padding symbol before a function (CONFIG_CALL_PADDING's __pfx_,
 * kCFI's __cfi_). Only these: f.cold of a function named __f is code. */
bool is_prefix_sym(const struct sym *s)
{
	return s->type == STT_FUNC && (!strncmp(s->name, "__pfx_", 6) || !strncmp(s->name, "__cfi_", 6));
}

/* Symbols of each section sorted by address, the section's owner, and the
 * parent of .cold/.part children and __pfx_/__cfi_ prefixes. */
static void link_symbols(struct elf *elf)
{
	for_each_sec(elf, sec) {
		sec->syms = xcalloc(sec->nsyms, sizeof(*sec->syms));
		sec->nsyms = 0;
	}
	for_each_sym(elf, sym) {
		if (sym->sec && sym->type != STT_SECTION && sym->type != STT_FILE && *sym->name)
			sym->sec->syms[sym->sec->nsyms++] = sym;
	}
	for_each_sec(elf, sec) {
		size_t nlen = strlen(sec->name);

		qsort(sec->syms, sec->nsyms, sizeof(*sec->syms), cmp_sym_addr);
		for (size_t i = 0; i < sec->nsyms; i++) {
			struct sym *sym = sec->syms[i];
			size_t len = strlen(sym->name);

			if (sym->type != STT_FUNC && sym->type != STT_OBJECT)
				continue;
			if (len < nlen && sec->name[nlen - len - 1] == '.' &&
			    !strcmp(sec->name + nlen - len, sym->name)) {
				sec->owner = sym;
				break;
			}
		}
	}
	for_each_sym(elf, sym) {
		char buf[512];
		const char *cut;

		if (sym->type != STT_FUNC)
			continue;
		if (is_prefix_sym(sym)) {
			sym->parent = ht_get(&elf->sym_by_name, sym->name + 6, NULL);
			continue;
		}
		cut = strstr(sym->name, ".localalias");
		if (cut && (size_t)(cut - sym->name) < sizeof(buf)) {
			memcpy(buf, sym->name, (size_t)(cut - sym->name));
			buf[cut - sym->name] = 0;
			sym->parent = ht_get(&elf->sym_by_name, buf, NULL);
			continue;
		}
		cut = strstr(sym->name, ".cold");
		if (!cut)
			cut = strstr(sym->name, ".part.");
		if (!cut || (size_t)(cut - sym->name) >= sizeof(buf))
			continue;
		memcpy(buf, sym->name, (size_t)(cut - sym->name));
		buf[cut - sym->name] = 0;
		sym->parent = ht_get(&elf->sym_by_name, buf, NULL);
		/* a .part.N clone is a function of its own unless it is .cold */
		if (!strstr(sym->name, ".cold"))
			sym->parent = NULL;
	}
	for_each_sym(elf, sym) {
		char buf[512];

		sym->base = sym->name;
		if (sym->type == STT_SECTION || sym->type == STT_FILE || !*sym->name)
			continue;
		base_name(sym->name, buf, sizeof(buf));
		sym->base = strcmp(buf, sym->name) ? xstrdup(buf) : sym->name;
		ht_put_item(&elf->sym_by_base, sym->idx);
	}
}

/* The assembler turns references to local symbols into section symbol +
 * offset; point them back at the function or object so that comparison and
 * output speak of symbols. Mergeable strings keep their section symbol. */
static void resolve_ref(struct rel *r)
{
	struct sec *tsec = r->sym->sec;
	struct sym *s = NULL;

	/* local labels (.LC0) are section offsets too */
	if (r->sym->type == STT_NOTYPE && r->sym->bind == STB_LOCAL && tsec && tsec->secsym) {
		r->addend = sadd(r->addend, (GElf_Sxword)r->sym->s->st_value);
		r->sym = tsec->secsym;
	}
	if (r->sym->type != STT_SECTION || is_string_sec(tsec))
		return;
	/* pc-relative: the target is 4 bytes past the addend, more when an
	 * immediate follows the displacement */
	for (GElf_Sxword k = 4; is_pcrel(r->type) && !s && k <= 8; k++)
		s = sym_at(tsec, sadd(r->addend, k));
	if (!s)
		s = sym_at(tsec, r->addend);
	if (!s)
		return;
	r->addend = sadd(r->addend, -(GElf_Sxword)s->s->st_value);
	r->sym = s;
}

void elf_read_rels(struct elf *elf, struct sec *rela)
{
	const Elf64_Rela *table;

	if (rela->rels)
		return;
	rela->nrels = (uint32_t)(rela->size / sizeof(Elf64_Rela));
	rela->rels = xcalloc(rela->nrels, sizeof(*rela->rels));
	table = rela->data ? borrow_aligned(elf, rela->data, rela->nrels * sizeof(*table), _Alignof(Elf64_Rela)) : NULL;
	if (!table && rela->nrels)
		bad(elf, "%s: %s: unreadable", elf->path, rela->name);
	for (size_t i = 0; i < rela->nrels; i++) {
		Elf64_Rela r = table[i];
		size_t si = ELF64_R_SYM(r.r_info);

		if (si == 0 || si >= elf->nsyms)
			bad(elf, "%s: %s: relocation %zu: symbol index %zu out of range", elf->path, rela->name, i, si);
		if (r.r_offset >= rela->base->size && rela->base->sh->sh_type != SHT_NOBITS)
			bad(elf, "%s: %s: relocation %zu: offset 0x%lx beyond the section", elf->path, rela->name, i,
			    (unsigned long)r.r_offset);
		rela->rels[i] = (struct rel){ .off = (uint32_t)r.r_offset, .type = (uint32_t)ELF64_R_TYPE(r.r_info),
					      .addend = r.r_addend, .sym = &elf->syms[si] };
		resolve_ref(&rela->rels[i]);
	}
}

void elf_drop_rels(struct sec *rela)
{
	free(rela->rels);
	rela->rels = NULL;
	rela->nrels = 0;
}

static void read_relocations(struct elf *elf, bool (*later)(const struct sec *sec))
{
	for_each_sec(elf, sec) {
		if (sec->sh->sh_type == SHT_REL)
			die(EXIT_ERROR, "%s: %s: SHT_REL relocations are not supported", elf->path, sec->name);
		if (sec->sh->sh_type != SHT_RELA)
			continue;
		if (sec->sh->sh_info == 0 || sec->sh->sh_info >= elf->nsecs)
			bad(elf, "%s: %s: sh_info %u is not a section", elf->path, sec->name, sec->sh->sh_info);
		if (sec->sh->sh_link != elf->symtab->idx)
			bad(elf, "%s: %s: sh_link %u is not the symbol table (%u)", elf->path, sec->name, sec->sh->sh_link,
			    elf->symtab->idx);
		if (sec->sh->sh_entsize != sizeof(Elf64_Rela) || sec->size % sizeof(Elf64_Rela))
			bad(elf, "%s: %s: sh_entsize %lu or sh_size %zu is not a whole number of relocations (%zu bytes)",
			    elf->path, sec->name, (unsigned long)sec->sh->sh_entsize, sec->size, sizeof(Elf64_Rela));
		if (elf->secs[sec->sh->sh_info].rela)
			bad(elf, "%s: %s: sh_info %u: a second relocation section for %s", elf->path, sec->name,
			    sec->sh->sh_info, elf->secs[sec->sh->sh_info].name);
		sec->base = &elf->secs[sec->sh->sh_info];
		sec->base->rela = sec;
		if (!is_debug_info(sec->base) && !(later && later(sec->base)))
			elf_read_rels(elf, sec);
	}
}

/* The file is mapped by us and handed to libelf as memory, so what libelf
 * finds stays valid after elf_end: the model keeps only the image. Only
 * the section headers go through libelf: symbols and relocations are
 * arrays in section data, read after libelf's state is freed. */
void elf_open_model(struct elf *elf, const char *path, bool (*later)(const struct sec *sec))
{
	struct stat st;
	int fd;

	memset(elf, 0, sizeof(*elf));
	elf->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(EXIT_ERROR, "%s: cannot open: %m", path);
	if (fstat(fd, &st))
		die(EXIT_ERROR, "%s: cannot stat: %m", path);
	if (S_ISDIR(st.st_mode))
		die(EXIT_ERROR, "%s: is a directory", path);
	if (!S_ISREG(st.st_mode) || st.st_size <= 0)
		die(EXIT_ERROR, "%s: not a regular, non-empty file", path);
	elf->image_size = (size_t)st.st_size;
	elf->image = mmap(NULL, elf->image_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (elf->image == MAP_FAILED) {
		elf->image = NULL;
		die(EXIT_ERROR, "%s: cannot map: %m", path);
	}
	elf->e = elf_memory((char *)elf->image, elf->image_size);
	if (!elf->e)
		die(EXIT_ERROR, "%s: cannot read ELF: %s", path, elf_errmsg(-1));
	check_header(elf);
	read_sections(elf);
	/* the rest is arrays in section data: libelf's per-section state can
	 * go before the model grows */
	elf_end(elf->e);
	elf->e = NULL;
	read_symbols(elf);
	link_symbols(elf);
	read_relocations(elf, later);
	if (!elf->file)
		elf->file = "";
}

void elf_close_model(struct elf *elf)
{
	if (elf->secs)
		for_each_sec(elf, sec) {
			free(sec->syms);
			free(sec->rels);
			free(sec->rels_by_off);
		}
	free(elf->secs);
	if (elf->syms)
		for_each_sym(elf, sym)
			if (sym->base != sym->name)
				free((char *)sym->base);
	free(elf->syms);
	ht_free(&elf->sec_by_name);
	ht_free(&elf->sym_by_name);
	ht_free(&elf->sym_by_base);
	if (elf->e)
		elf_end(elf->e);
	for (size_t i = 0; i < elf->ncopies; i++)
		free(elf->copies[i]);
	free(elf->copies);
	if (elf->image)
		munmap(elf->image, elf->image_size);
	memset(elf, 0, sizeof(*elf));
}

/* Strip one known suffix at a time from the end: ".cold", ".localalias",
 * ".isra.N", ".constprop.N", ".part.N", ".lto_priv.N", ".N". */
const char *base_name(const char *name, char *out, size_t outlen)
{
	static const char *const words[] = { ".cold", ".localalias", ".isra", ".constprop", ".part", ".lto_priv" };
	size_t len = strlen(name);
	bool again = true;

	if (len >= outlen)
		len = outlen - 1;
	memcpy(out, name, len);
	out[len] = 0;
	while (again) {
		char *dot = strrchr(out, '.');

		again = false;
		if (!dot || dot == out)
			break;
		if (dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1)) {
			*dot = 0;
			again = true;
			continue;
		}
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (!strcmp(dot, words[i])) {
				*dot = 0;
				again = true;
				break;
			}
	}
	return out;
}

bool is_text(const struct sec *sec)
{
	return sec->sh->sh_type == SHT_PROGBITS && (sec->sh->sh_flags & SHF_EXECINSTR);
}

bool is_debug_info(const struct sec *sec)
{
	return !strncmp(sec->name, ".debug", 6);
}

bool is_string_sec(const struct sec *sec)
{
	return (sec->sh->sh_flags & SHF_STRINGS) && (sec->sh->sh_flags & SHF_MERGE);
}

bool is_pcrel(unsigned type)
{
	return type == R_X86_64_PC32 || type == R_X86_64_PLT32 || type == R_X86_64_PC64 ||
	       type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX || type == R_X86_64_REX_GOTPCRELX;
}

void sec_replace_code(struct elf *elf, struct sec *sec, unsigned char *data, size_t size, struct rel *rels,
		      uint32_t nrels)
{
	keep(elf, data);
	sec->data = data;
	sec->size = size;
	free(sec->rela->rels);
	sec->rela->rels = rels;
	sec->rela->nrels = nrels;
	free(sec->rels_by_off);
	sec->rels_by_off = NULL;
}

void sym_resize(struct elf *elf, struct sym *s, GElf_Xword size)
{
	Elf64_Sym *copy = xcalloc(1, sizeof(*copy));

	*copy = *s->s;
	copy->st_size = size;
	keep(elf, copy);
	s->s = copy;
}

struct sym *sym_at(const struct sec *sec, GElf_Sxword off)
{
	size_t lo = 0, hi = sec->nsyms;
	struct sym *best = NULL;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((GElf_Sxword)sec->syms[mid]->s->st_value <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* walk back over symbols at the same address to prefer func/object */
	for (size_t i = lo; i-- > 0;) {
		struct sym *s = sec->syms[i];
		GElf_Sxword start = (GElf_Sxword)s->s->st_value;

		if (s->type != STT_FUNC && s->type != STT_OBJECT)
			continue;
		if (is_prefix_sym(s))
			continue;	/* not the target: the function after it is */
		if (off >= start && (off < start + (GElf_Sxword)s->s->st_size || (off == start)))
			best = s;
		break;
	}
	return best;
}

bool is_empty_local(const struct sym *s)
{
	return s->type == STT_OBJECT && s->bind == STB_LOCAL && s->sec && !s->s->st_size;
}

bool is_constant(const struct sym *s)
{
	/* made by the compiler, never by the source: no address escapes */
	static const char *const prefixes[] = { "CSWTCH.", "__func__.", "__FUNCTION__.", "__PRETTY_FUNCTION__." };

	if (s->type != STT_OBJECT || s->bind != STB_LOCAL || !s->sec ||
	    s->sec->sh->sh_type != SHT_PROGBITS || (s->sec->sh->sh_flags & SHF_WRITE))
		return false;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(s->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}
