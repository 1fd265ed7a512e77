/* The ELF model: an object read once with libelf into sections, symbols and
 * relocations that point at each other, with hash tables by name and arrays
 * by index. Passes only see this model. */
#ifndef CDO_ELF_MODEL_H
#define CDO_ELF_MODEL_H
#include <gelf.h>
#include <stdbool.h>
#include <stdint.h>
#include "hash.h"

enum status { ST_NEW, ST_SAME, ST_CHANGED };

/* 24 bytes: objects have tens of thousands of these */
struct rel {
	struct sym *sym;
	GElf_Sxword addend;
	uint32_t off;			/* sections are checked to be < 4 GiB */
	uint32_t type;
};

/* Sections and symbols are many (thousands per object, both objects held
 * at once): indexes and counts are 32-bit, checked when read. */
struct sec {
	const char *name;
	const Elf64_Shdr *sh;		/* in the file image */
	unsigned char *data;		/* NULL for NOBITS */
	size_t size;
	struct sec *rela;		/* the .rela section of this one */
	struct sec *base;		/* for a .rela section: its target */
	struct rel *rels;		/* for a .rela section */
	struct rel **rels_by_off;	/* its relocations by offset, made on first use (moved.c) */
	struct sym *secsym;		/* STT_SECTION symbol */
	struct sym *owner;		/* function/object that names the section */
	struct sym **syms;		/* defined symbols, by address */
	struct sec *twin;
	uint32_t idx;
	uint32_t nrels;
	uint32_t nsyms;
	uint32_t split;			/* 1 + index of the synth holding its kept pieces */
	uint32_t out_idx;
	enum status status;
	bool include, ignore;
	bool printk_entry;		/* holds a pi_entry .printk_index points at */
	bool renewed;			/* changed constant the patch copies (const-data.c) */
};

struct sym {
	const char *name;
	const char *base;		/* name without compiler suffixes (often name itself) */
	const Elf64_Sym *s;		/* in the file image */
	struct sec *sec;		/* NULL when undefined/absolute */
	struct sym *twin;
	struct sym *parent;		/* .cold/.part child or __pfx_ prefix -> its function */
	uint32_t idx;
	uint32_t rank;			/* earlier symbols of the same name */
	uint32_t fileno;		/* its FILE block: 1 + earlier FILE symbols, 0 before any */
	const char *file;		/* that FILE symbol's name ("" before any): ld -r objects hold several */
	uint32_t out_idx;
	unsigned mark;
	enum status status;
	unsigned char type, bind;
	bool include, ignore, has_fentry;
	bool via_callers;		/* changed notrace function: its callers are patched instead */
	bool callers_elsewhere;		/* --via-callers: a global one, called from other objects too */
	bool plain_export;		/* another module's export kept a plain relocation (a jump label's key) */
	/* an unchanged function patched all the same: because it reads the
	 * new copy of (READS) or calls the notrace (CALLS) this symbol */
	enum { PATCHED_AS_CHANGED, PATCHED_READS, PATCHED_CALLS } patched_why;
	const struct sym *patched_for;
};

/* Names, headers, symbols and data point into the mapped file image. */
struct elf {
	const char *path;
	Elf *e;				/* only while the model is built */
	unsigned char *image;
	size_t image_size;
	void **copies;			/* what libelf handed out outside the image */
	size_t ncopies;
	struct sec *secs;
	size_t nsecs;
	struct sym *syms;
	size_t nsyms;
	struct sec *symtab;
	const char *file;		/* name of the first STT_FILE symbol */
	struct ht sec_by_name, sym_by_name, sym_by_base;
};

#define for_each_sec(elf, s) for (struct sec *s = (elf)->secs + 1; s < (elf)->secs + (elf)->nsecs; s++)
#define for_each_sym(elf, y) for (struct sym *y = (elf)->syms + 1; y < (elf)->syms + (elf)->nsyms; y++)
#define for_each_rel(sec, r) for (struct rel *r = (sec)->rela ? (sec)->rela->rels : NULL; \
	r && r < (sec)->rela->rels + (sec)->rela->nrels; r++)

/* Relocations are read at open, except for debug info (never) and for
 * sections LATER (may be NULL) names: elf_read_rels reads those when a
 * pass needs them, elf_drop_rels lets them go again. A relocation against
 * a section symbol + offset is read as one against the function or object
 * there (mergeable strings keep their section symbol). */
void elf_open_model(struct elf *elf, const char *path, bool (*later)(const struct sec *sec));
void elf_read_rels(struct elf *elf, struct sec *rela);
void elf_drop_rels(struct sec *rela);
void elf_close_model(struct elf *elf);

/* Name without compiler suffixes (.NNN, .isra.N, .constprop.N, .part.N,
 * .cold, .localalias), written into OUT (size OUTLEN). */
const char *base_name(const char *name, char *out, size_t outlen);
bool is_text(const struct sec *sec);
bool is_string_sec(const struct sec *sec);
/* DWARF: describes the code, is never part of a live patch, so the model
 * neither compares it nor holds its relocations (most of a -g object's). */
bool is_debug_info(const struct sec *sec);
bool is_pcrel(unsigned type);
/* A compiler-made read-only object (switch table CSWTCH.N, __func__.N): its
 * value never changes at run time, so included code may take a copy. */
bool is_constant(const struct sym *s);
/* A static of size 0 (lockdep's __key without lockdep): it holds no state,
 * so included code may take its own, and the kernel's final link may have
 * dropped its symbol. */
bool is_empty_local(const struct sym *s);
/* A + B as the linker computes addends, modulo 2^64: a hostile addend
 * (INT64_MAX) must not make the sum undefined behaviour. */
static inline GElf_Sxword sadd(GElf_Sxword a, GElf_Sxword b)
{
	return (GElf_Sxword)((uint64_t)a + (uint64_t)b);
}

/* The offset in its target's section a relocation names (its addend as
 * written: a jump's points 4 bytes before where it lands). */
static inline GElf_Sxword rel_sec_off(const struct rel *r)
{
	return r->sym->type == STT_SECTION ? r->addend : sadd(r->addend, (GElf_Sxword)r->sym->s->st_value);
}

/* A pass that rewrites code: SEC (which has a .rela) now holds DATA (SIZE
 * bytes) and RELS; the model keeps DATA and frees the old relocations. */
void sec_replace_code(struct elf *elf, struct sec *sec, unsigned char *data, size_t size, struct rel *rels,
		      uint32_t nrels);
/* S now has st_size SIZE (a copy of its symbol the model keeps). */
void sym_resize(struct elf *elf, struct sym *s, GElf_Xword size);

/* Defined function/object symbol of SEC covering OFF, or NULL. */
struct sym *sym_at(const struct sec *sec, GElf_Sxword off);
bool is_prefix_sym(const struct sym *s);

#endif
