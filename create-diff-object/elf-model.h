/* The ELF model: an object read once with libelf into sections, symbols and
 * relocations that point at each other, with hash tables by name and arrays
 * by index. Passes only see this model. */
#ifndef CDO_ELF_MODEL_H
#define CDO_ELF_MODEL_H
#include <gelf.h>
#include <stdbool.h>
#include "hash.h"

enum status { ST_NEW, ST_SAME, ST_CHANGED };

struct rel {
	GElf_Addr off;
	unsigned type;
	GElf_Sxword addend;
	struct sym *sym;
};

struct sec {
	size_t idx;
	const char *name;
	GElf_Shdr sh;
	unsigned char *data;		/* NULL for NOBITS */
	size_t size;
	struct sec *rela;		/* the .rela section of this one */
	struct sec *base;		/* for a .rela section: its target */
	struct rel *rels;		/* for a .rela section */
	size_t nrels;
	struct sym *secsym;		/* STT_SECTION symbol */
	struct sym *owner;		/* function/object that names the section */
	struct sym **syms;		/* defined symbols, by address */
	size_t nsyms;
	struct sec *twin;
	enum status status;
	bool include, ignore;
	size_t split;			/* 1 + index of the synth holding its kept pieces */
	size_t out_idx;
};

struct sym {
	size_t idx;
	const char *name;
	char *base;			/* name without compiler suffixes */
	GElf_Sym s;
	unsigned char type, bind;
	struct sec *sec;		/* NULL when undefined/absolute */
	struct sym *twin;
	struct sym *parent;		/* .cold/.part child or __pfx_ prefix -> its function */
	enum status status;
	bool include, ignore, has_fentry;
	unsigned mark;
	size_t rank;			/* earlier symbols of the same name */
	size_t out_idx;
};

struct elf {
	const char *path;
	int fd;
	Elf *e;
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

void elf_open_model(struct elf *elf, const char *path);
void elf_close_model(struct elf *elf);

/* Name without compiler suffixes (.NNN, .isra.N, .constprop.N, .part.N,
 * .cold, .localalias), written into OUT (size OUTLEN). */
const char *base_name(const char *name, char *out, size_t outlen);
bool is_text(const struct sec *sec);
bool is_string_sec(const struct sec *sec);
bool is_pcrel(unsigned type);
/* A compiler-made read-only object (switch table CSWTCH.N, __func__.N): its
 * value never changes at run time, so included code may take a copy. */
bool is_constant(const struct sym *s);
/* Defined function/object symbol of SEC covering OFF, or NULL. */
struct sym *sym_at(const struct sec *sec, GElf_Sxword off);

#endif
