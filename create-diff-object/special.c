/* Special sections: arrays of fixed-size entries the kernel walks at boot
 * or module load. Each is rebuilt with only the entries of included code;
 * one table describes them all. __mcount_loc is regenerated; .modinfo keeps
 * its import_ns= strings. */
#include "cdo.h"
#include <stdlib.h>
#include <string.h>

enum keep { KEEP_FIRST_RELOC, KEEP_BY_INDEX };

struct special {
	const char *name;
	const char *env;		/* entry size override */
	size_t size;			/* x86_64 6.1 default */
	enum keep keep;
	const char *indexed_by;		/* KEEP_BY_INDEX: the section whose kept entries we follow */
};

/* Sizes checked against linux 6.1: struct bug_entry (DEBUG_BUGVERBOSE),
 * jump_entry, alt_instr, exception_table_entry, paravirt_patch_site,
 * orc_entry, static_call_site, pi_entry; s32 arrays for the objtool sites. */
static const struct special specials[] = {
	{ "__bug_table",	"BUG_STRUCT_SIZE",		12, KEEP_FIRST_RELOC, NULL },
	{ "__jump_table",	"JUMP_STRUCT_SIZE",		16, KEEP_FIRST_RELOC, NULL },
	{ ".altinstructions",	"ALT_STRUCT_SIZE",		12, KEEP_FIRST_RELOC, NULL },
	{ "__ex_table",		"EX_STRUCT_SIZE",		12, KEEP_FIRST_RELOC, NULL },
	{ ".parainstructions",	"PARA_STRUCT_SIZE",		16, KEEP_FIRST_RELOC, NULL },
	{ ".static_call_sites",	"STATIC_CALL_STRUCT_SIZE",	 8, KEEP_FIRST_RELOC, NULL },
	{ ".orc_unwind_ip",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".orc_unwind",	"ORC_STRUCT_SIZE",		 6, KEEP_BY_INDEX, ".orc_unwind_ip" },
	{ ".retpoline_sites",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".return_sites",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".call_sites",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".smp_locks",		NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".ibt_endbr_seal",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ ".printk_index",	"PRINTK_INDEX_STRUCT_SIZE",	 8, KEEP_FIRST_RELOC, NULL },
	{ "__tracepoints_ptrs",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
};
#define NSPECIAL (sizeof(specials) / sizeof(specials[0]))

/* kept[i]: entry i of specials[i] kept (for KEEP_BY_INDEX followers) */
static bool *kept[NSPECIAL];
static size_t nkept[NSPECIAL];

bool is_special_name(const char *name)
{
	for (size_t i = 0; i < NSPECIAL; i++)
		if (!strcmp(name, specials[i].name))
			return true;
	return !strcmp(name, "__mcount_loc");
}

static size_t entry_size(const struct special *sp, const struct sec *sec)
{
	const char *env = sp->env ? getenv(sp->env) : NULL;
	char *end;
	unsigned long v;

	if (env && *env) {
		v = strtoul(env, &end, 0);
		if (*end || !v)
			die(EXIT_ERROR, "%s=%s: not a positive entry size", sp->env, env);
		return v;
	}
	if (sec->sh.sh_entsize)
		return sec->sh.sh_entsize;
	return sp->size;
}

struct synth *synth_new(struct ctx *c, const char *name, GElf_Word type, GElf_Xword flags, GElf_Xword align)
{
	struct synth *s;

	c->synths = xrealloc(c->synths, (c->nsynths + 1) * sizeof(*c->synths));
	s = &c->synths[c->nsynths++];
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->type = type;
	s->flags = flags;
	s->align = align ? align : 1;
	return s;
}

void synth_rel(struct synth *s, GElf_Addr off, unsigned type, GElf_Sxword addend, struct sym *sym)
{
	if (s->nrels == s->caprels) {
		s->caprels = s->caprels ? s->caprels * 2 : 16;
		s->rels = xrealloc(s->rels, s->caprels * sizeof(*s->rels));
	}
	s->rels[s->nrels++] = (struct rel){ off, type, addend, sym };
}

static bool code_included(const struct rel *r)
{
	const struct sym *t = r->sym;

	if (!t->sec)
		return false;
	return t->type == STT_SECTION ? t->sec->include : t->include;
}

/* A static key defined in a module cannot be a livepatch relocation: jump
 * labels are resolved before those are applied. */
static void check_jump_key(struct ctx *c, const struct sec *sec, const struct rel *code, const struct rel *r)
{
	const struct sym *t = r->sym;

	if (c->parent_is_vmlinux || strcmp(sec->name, "__jump_table") || r == code)
		return;
	if (r->off != code->off + 8)
		return;
	if ((t->sec && t->include) || klp_is_exported(c, t))
		return;
	die(EXIT_REFUSED, "%s: uses static key %s defined in module %s (jump labels of module keys cannot be live patched; use static_key_enabled() instead)",
	    code->sym->name, t->name, c->a.parent);
}

static void filter(struct ctx *c, size_t si, struct sec *sec)
{
	const struct special *sp = &specials[si];
	size_t esz = entry_size(sp, sec), n;
	struct synth *out;
	struct rel *rels = sec->rela ? sec->rela->rels : NULL;
	size_t nrels = sec->rela ? sec->rela->nrels : 0, ri = 0;
	const bool *follow = NULL;

	if (sec->size % esz)
		die(EXIT_ERROR, "%s: size %zu is not a multiple of the entry size %zu (set %s)",
		    sec->name, sec->size, esz, sp->env ? sp->env : "the entry size");
	n = sec->size / esz;
	if (sp->keep == KEEP_BY_INDEX)
		for (size_t j = 0; j < NSPECIAL; j++)
			if (!strcmp(specials[j].name, sp->indexed_by)) {
				if (nkept[j] != n)
					return;
				follow = kept[j];
			}
	kept[si] = xcalloc(n, sizeof(bool));
	nkept[si] = n;
	out = synth_new(c, sec->name, sec->sh.sh_type, sec->sh.sh_flags, sec->sh.sh_addralign);
	out->entsize = sec->sh.sh_entsize;
	/* relocations are sorted by offset in what gcc/gas emit; rely on it but check */
	for (size_t i = 1; i < nrels; i++)
		if (rels[i].off < rels[i - 1].off)
			die(EXIT_ERROR, "%s: relocations not sorted by offset", sec->name);
	for (size_t e = 0; e < n; e++) {
		size_t start = e * esz, first = ri, base;
		bool keep;

		while (ri < nrels && rels[ri].off < start + esz)
			ri++;
		keep = follow ? follow[e] : (first < ri && code_included(&rels[first]));
		if (!keep)
			continue;
		kept[si][e] = true;
		base = buf_add(&out->data, sec->data + start, esz);
		for (size_t k = first; k < ri; k++) {
			check_jump_key(c, sec, &rels[first], &rels[k]);
			include_need(sec, &rels[k]);
			synth_rel(out, base + rels[k].off - start, rels[k].type, rels[k].addend, rels[k].sym);
		}
	}
	if (!out->data.len)
		c->nsynths--, buf_free(&out->data), free(out->rels);
}

static void mcount(struct ctx *c)
{
	struct synth *out = NULL;

	for_each_sym(&c->patched, s) {
		if (s->type != STT_FUNC || !s->include || !s->has_fentry)
			continue;
		if (!out) {
			out = synth_new(c, "__mcount_loc", SHT_PROGBITS, SHF_ALLOC, 8);
			out->entsize = 8;
		}
		/* call __fentry__ is at 0, or 4 after endbr64 */
		synth_rel(out, buf_zero(&out->data, 8, 8), R_X86_64_64,
			  s->sec->data && s->sec->data[s->s.st_value] == 0xf3 ? 4 : 0, s);
	}
}

static void modinfo(struct ctx *c)
{
	struct sec *sec = ht_get(&c->patched.sec_by_name, ".modinfo", NULL);
	struct synth *out = NULL;

	if (!sec || !sec->data)
		return;
	for (size_t off = 0; off < sec->size;) {
		const char *s = (const char *)sec->data + off;
		size_t len = strnlen(s, sec->size - off);

		if (!strncmp(s, "import_ns=", 10) && off + len < sec->size) {
			if (!out)
				out = synth_new(c, ".modinfo", SHT_PROGBITS, SHF_ALLOC, 1);
			buf_add(&out->data, s, len + 1);
		}
		off += len + 1;
	}
}

void include_special(struct ctx *c)
{
	for (size_t si = 0; si < NSPECIAL; si++) {
		struct sec *sec = ht_get(&c->patched.sec_by_name, specials[si].name, NULL);

		if (sec && sec->data && sec->size)
			filter(c, si, sec);
		/* entries may pull in .altinstr_replacement, .fixup, strings */
		include_closure(c);
	}
	mcount(c);
	modinfo(c);
}

void special_free(void)
{
	for (size_t i = 0; i < NSPECIAL; i++) {
		free(kept[i]);
		kept[i] = NULL;
	}
}
