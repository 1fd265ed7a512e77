/* Special sections: arrays of fixed-size entries the kernel walks at boot
 * or module load. Each is rebuilt with only the entries of included code;
 * one table describes them all. __mcount_loc is regenerated; .modinfo keeps
 * its import_ns= strings. */
#include "cdo.h"
#include "entsize.h"
#include <stdlib.h>
#include <string.h>

enum keep { KEEP_FIRST_RELOC, KEEP_BY_INDEX, KEEP_PRINTK_FUNC };

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
	{ ".printk_index",	"PRINTK_INDEX_STRUCT_SIZE",	 8, KEEP_PRINTK_FUNC, NULL },
	{ "__tracepoints_ptrs",	NULL,				 4, KEEP_FIRST_RELOC, NULL },
	{ "__patchable_function_entries", NULL,			 8, KEEP_FIRST_RELOC, NULL },
};

/* Code in one section for all of an object's functions, cut into pieces;
 * only the pieces included code uses are copied. A piece starts where a
 * special entry points (an exception fixup, an alternative's replacement),
 * or where a function jumps to (static_cpu_has()'s test of the CPU's
 * feature bit in .altinstr_aux, which jumps back into the function). Copied
 * whole, a piece of a function left out would jump into code of no
 * function: objtool, run on the whole patch module on IBT kernels, gives
 * up on it, and writes none of its sections. */
enum piece_start { AT_ENTRIES, AT_JUMPS };
static const struct {
	const char *name;
	enum piece_start start;
} split_sections[] = {
	{ ".fixup", AT_ENTRIES },
	{ ".altinstr_replacement", AT_ENTRIES },
	{ ".altinstr_aux", AT_JUMPS },
};
#define NSPLIT (sizeof(split_sections) / sizeof(split_sections[0]))
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

bool is_special(const struct sec *sec)
{
	return is_special_name(sec->name);
}

bool is_split(const struct sec *sec)
{
	for (size_t i = 0; i < NSPLIT; i++)
		if (!strcmp(sec->name, split_sections[i].name))
			return true;
	return false;
}

struct synth *synth_new(struct ctx *c, const char *name, GElf_Word type, GElf_Xword flags, GElf_Xword align)
{
	struct synth *s;

	c->synths = xgrow(c->synths, c->nsynths, sizeof(*c->synths));
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
	s->rels[s->nrels++] = (struct rel){ .off = (uint32_t)off, .type = type, .addend = addend, .sym = sym };
}

/* .printk_index entries point at a struct pi_entry whose second field
 * names the function of the printk: keep the entry (and copy the pi_entry)
 * when that function is included. */
static bool printk_func_included(struct ctx *c, const struct rel *r)
{
	struct sym *pi = r->sym, *fn;
	const char *name = NULL;

	if (pi->type != STT_OBJECT || !pi->sec)
		return false;
	for_each_rel(pi->sec, fr) {
		const struct sym *t = fr->sym;
		GElf_Sxword off;

		if (fr->off != pi->s->st_value + (GElf_Addr)r->addend + 8 || !t->sec || !t->sec->data)
			continue;
		off = sadd(fr->addend, t->type == STT_SECTION ? 0 : (GElf_Sxword)t->s->st_value);
		if (off >= 0 && (size_t)off < t->sec->size && memchr(t->sec->data + off, 0, t->sec->size - (size_t)off))
			name = (const char *)t->sec->data + off;
	}
	fn = name ? ht_get(&c->patched.sym_by_name, name, NULL) : NULL;
	if (!fn || fn->type != STT_FUNC || !fn->include)
		return false;
	pi->include = true;
	include_sec(pi->sec);
	return true;
}

static bool code_included(const struct rel *r)
{
	const struct sym *t = r->sym;

	if (!t->sec)
		return false;
	return t->type == STT_SECTION ? t->sec->include : t->include;
}

/* A static key defined in a module cannot be a livepatch relocation: jump
 * labels are resolved before those are applied. A key another module
 * exports stays a plain relocation instead (the patch module depends on
 * that module, as the patched one does); one of the patched module itself
 * is refused. */
static void check_jump_key(struct ctx *c, const struct sec *sec, size_t esz, const struct rel *code,
			   const struct rel *r)
{
	struct sym *t = r->sym;
	const char *owner;

	if (c->parent_is_vmlinux || strcmp(sec->name, "__jump_table") || r == code)
		return;
	/* the key is the last quad of the 16- and the 24-byte layout */
	if (r->off != code->off + esz - 8)
		return;
	/* once kept plain, the key is no longer such an export: noted once */
	if ((owner = klp_keep_export_plain(c, t))) {
		note("%s: jump label on static key %s, which module %s exports: a plain relocation, so the patch module depends on %s (loaded before it)",
		     code->sym->name, t->name, owner, owner);
		return;
	}
	if ((t->sec && t->include) || klp_is_exported(c, t))
		return;
	die(EXIT_REFUSED, "%s: uses static key %s defined in module %s (jump labels of module keys cannot be live patched; use static_key_enabled() instead)",
	    code->sym->name, t->name, c->a.parent);
}

/* A new output section like SEC, in link order after LINKED (or none);
 * *OUTI becomes its 1-based index. */
static void new_out(struct ctx *c, const struct sec *sec, struct sec *linked, size_t *outi)
{
	struct synth *out = synth_new(c, sec->name, sec->sh->sh_type, sec->sh->sh_flags, sec->sh->sh_addralign);

	out->entsize = sec->sh->sh_entsize;
	out->link = linked;
	*outi = c->nsynths;
}

static void filter(struct ctx *c, size_t si, struct sec *sec, size_t *outi)
{
	const struct special *sp = &specials[si];
	struct entsize es = entsize_of(sec, sp->env, sp->size);
	size_t esz = es.size, n;
	struct synth *out;
	struct rel *rels = sec->rela ? sec->rela->rels : NULL;
	size_t nrels = sec->rela ? sec->rela->nrels : 0, ri = 0;
	const bool *follow = NULL;
	struct sec *linked = NULL;
	bool ordered;

	n = (sec->size + esz - 1) / esz;	/* entsize_of checked a short last one */
	if (sp->keep == KEEP_BY_INDEX)
		for (size_t j = 0; j < NSPECIAL; j++)
			if (!strcmp(specials[j].name, sp->indexed_by)) {
				if (nkept[j] != n)
					return;
				follow = kept[j];
			}
	if (!kept[si]) {
		kept[si] = xcalloc(n, sizeof(bool));
		nkept[si] = n;
	}
	ordered = sec->sh->sh_flags & SHF_LINK_ORDER;
	if (!ordered && (!*outi || c->synths[*outi - 1].link))
		new_out(c, sec, NULL, outi);
	for (size_t e = 0; e < n; e++) {
		size_t start = e * esz, first = ri, base;
		bool keep;

		while (ri < nrels && rels[ri].off < start + esz)
			ri++;
		if (follow)
			keep = follow[e];
		else if (sp->keep == KEEP_PRINTK_FUNC)
			keep = first < ri && printk_func_included(c, &rels[first]);
		else
			keep = first < ri && code_included(&rels[first]);
		if (!keep)
			continue;
		if (!strcmp(sec->name, "__jump_table") && module_tracepoint_site(c, rels, first, ri, start, esz))
			continue;
		if (!strcmp(sec->name, ".static_call_sites") && module_static_call_site(c, rels, first, ri, start))
			continue;
		if (nkept[si] == n)
			kept[si][e] = true;
		/* A section in link order (__patchable_function_entries) is
		 * written as one per function it follows: ld refuses to mix
		 * ordered and unordered input sections of one name, and gcc 12
		 * puts all entries in one section linked to the first function. */
		if (ordered && rels[first].sym->sec != linked) {
			linked = rels[first].sym->sec;
			new_out(c, sec, linked, outi);
		}
		out = &c->synths[*outi - 1];
		/* a short last entry is padded to a whole one */
		base = buf_add(&out->data, sec->data + start, start + esz <= sec->size ? esz : sec->size - start);
		if (start + esz > sec->size)
			buf_zero(&out->data, start + esz - sec->size, 1);
		for (size_t k = first; k < ri; k++) {
			struct sym *t = rels[k].sym;

			/* first: a module's dyndbg key is included here when only
			 * the jump label uses it (btrfs_debug passes no descriptor) */
			if (!(t->type == STT_SECTION && is_split(t->sec) && !t->sec->include))
				include_need(c, sec, &rels[k]);
			check_jump_key(c, sec, esz, &rels[first], &rels[k]);
			synth_rel(out, base + rels[k].off - start, rels[k].type, rels[k].addend, rels[k].sym);
		}
	}
}

static int cmp_off(const void *a, const void *b)
{
	GElf_Sxword x = *(const GElf_Sxword *)a, y = *(const GElf_Sxword *)b;

	return x < y ? -1 : x > y;
}

/* Piece of SEC that starts at or before OFF: index into sorted STARTS. */
static size_t piece_of(const GElf_Sxword *starts, size_t n, GElf_Sxword off)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The offset of SEC that R, of section FROM, points at: a jump's
 * displacement counts from the end of its 4 bytes. */
static GElf_Sxword target_in(const struct sec *from, const struct rel *r)
{
	return from && (from->sh->sh_flags & SHF_EXECINSTR) && is_pcrel(r->type) ? sadd(r->addend, 4) : r->addend;
}

/* Code that refers to a piece: AT_ENTRIES, special entries (kept ones are
 * in the synthesized sections); AT_JUMPS, functions. */
static bool refers(enum piece_start how, const struct sec *s)
{
	return how == AT_ENTRIES ? is_special_name(s->name) : (may_refer(s) && (s->sh->sh_flags & SHF_EXECINSTR));
}

/* A relocation that uses a piece of a split section, and where in it. */
struct piece_user {
	struct rel *r;
	GElf_Sxword at;
};

/* The relocations that use SEC's pieces: the kept special entries (the
 * synthesized sections made so far), and with AT_JUMPS the included
 * functions' jumps. Pointers into the synthesized sections' relocations
 * stay valid: split() adds relocations only to the section it makes. */
static struct piece_user *piece_users(struct ctx *c, const struct sec *sec, enum piece_start how, size_t *n)
{
	struct piece_user *users = xgrow(NULL, 0, sizeof(*users));

	*n = 0;
	for (size_t i = 0; i < c->nsynths; i++)
		for (size_t k = 0; k < c->synths[i].nrels; k++) {
			struct rel *r = &c->synths[i].rels[k];

			if (r->sym->sec == sec && r->sym->type == STT_SECTION) {
				users = xgrow(users, *n, sizeof(*users));
				users[(*n)++] = (struct piece_user){ r, r->addend };
			}
		}
	if (how == AT_JUMPS)
		for_each_sec(&c->patched, s) {
			if (!s->include || s == sec || !refers(how, s))
				continue;
			for_each_rel(s, r)
				if (r->sym->sec == sec && r->sym->type == STT_SECTION) {
					users = xgrow(users, *n, sizeof(*users));
					users[(*n)++] = (struct piece_user){ r, target_in(s, r) };
				}
		}
	return users;
}

/* Cut SEC where its referrers point; copy the pieces that kept entries or
 * included functions use into a new section and move their relocations. */
static void split(struct ctx *c, struct sec *sec, enum piece_start how)
{
	GElf_Sxword *starts = xgrow(NULL, 0, sizeof(*starts)), *newoff;
	size_t n = 1, outi, nusers;
	struct piece_user *users;
	bool *keep;
	struct synth *out;

	starts[0] = 0;
	for_each_sec(&c->patched, s) {
		if (s == sec || !refers(how, s))
			continue;
		for_each_rel(s, r) {
			GElf_Sxword off = target_in(s, r);

			if (r->sym->sec == sec && r->sym->type == STT_SECTION && off > 0 && (size_t)off < sec->size) {
				starts = xgrow(starts, n, sizeof(*starts));
				starts[n++] = off;
			}
		}
	}
	qsort(starts, n, sizeof(*starts), cmp_off);
	keep = xcalloc(n, sizeof(*keep));
	newoff = xcalloc(n, sizeof(*newoff));
	users = piece_users(c, sec, how, &nusers);
	for (size_t u = 0; u < nusers; u++)
		keep[piece_of(starts, n, users[u].at)] = true;
	for (outi = 0; outi < n && !keep[outi]; outi++)
		;
	if (outi == n) {
		free(users);
		free(starts);
		free(keep);
		free(newoff);
		return;
	}
	out = synth_new(c, sec->name, sec->sh->sh_type, sec->sh->sh_flags, sec->sh->sh_addralign);
	outi = c->nsynths;
	sec->split = outi;
	for (size_t i = 0; i < n; i++) {
		GElf_Sxword end = i + 1 < n ? starts[i + 1] : (GElf_Sxword)sec->size;

		if (!keep[i] || end == starts[i])
			continue;
		newoff[i] = (GElf_Sxword)buf_add(&out->data, sec->data + starts[i], (size_t)(end - starts[i]));
		for_each_rel(sec, r)
			if ((GElf_Sxword)r->off >= starts[i] && (GElf_Sxword)r->off < end) {
				include_need(c, sec, r);
				synth_rel(&c->synths[outi - 1], r->off - (GElf_Addr)starts[i] + (GElf_Addr)newoff[i],
					  r->type, r->addend, r->sym);
			}
	}
	/* entries, and the included functions' jumps, now point into the new
	 * section (write.c relocates them against it) */
	for (size_t u = 0; u < nusers; u++) {
		size_t p = piece_of(starts, n, users[u].at);

		users[u].r->addend = sadd(sadd(users[u].r->addend, -starts[p]), newoff[p]);
	}
	free(users);
	free(starts);
	free(keep);
	free(newoff);
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
			  s->sec->data && s->sec->data[s->s->st_value] == 0xf3 ? 4 : 0, s);
	}
}

/* The namespace of an import_ns= entry of .modinfo, or NULL. Code built
 * into vmlinux prefixes its entries with its module's name
 * (KBUILD_MODNAME.import_ns=NS); the patch module is a module, whose
 * loader reads only unprefixed ones. */
static const char *import_ns(const char *s)
{
	static const char tag[] = "import_ns=";
	size_t name = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

	if (!strncmp(s, tag, sizeof(tag) - 1))
		return s + sizeof(tag) - 1;
	if (name && s[name] == '.' && !strncmp(s + name + 1, tag, sizeof(tag) - 1))
		return s + name + sizeof(tag);
	return NULL;
}

/* .modinfo keeps the namespaces the object imports: the patch module uses
 * the same namespaced symbols, and the loader refuses it without them. */
static void modinfo(struct ctx *c)
{
	struct sec *sec = ht_get(&c->patched.sec_by_name, ".modinfo", NULL);
	struct synth *out = NULL;

	if (!sec || !sec->data)
		return;
	for (size_t off = 0; off < sec->size;) {
		const char *s = (const char *)sec->data + off, *ns;
		size_t len = strnlen(s, sec->size - off);

		if (off + len < sec->size && (ns = import_ns(s))) {
			if (!out)
				out = synth_new(c, ".modinfo", SHT_PROGBITS, SHF_ALLOC, 1);
			buf_add(&out->data, "import_ns=", 10);
			buf_add(&out->data, ns, strlen(ns) + 1);
		}
		off += len + 1;
	}
}

/* Relocations of the patched special sections, for this pass only. */
static void read_special_rels(struct ctx *c, bool read)
{
	for_each_sec(&c->patched, sec) {
		if (!sec->rela || !is_special(sec))
			continue;
		if (read)
			elf_read_rels(&c->patched, sec->rela);
		else
			elf_drop_rels(sec->rela);
	}
}

void include_special(struct ctx *c)
{
	read_special_rels(c, true);
	for (size_t si = 0; si < NSPECIAL; si++) {
		size_t pos, outi = 0;

		for (struct sec *sec = ht_get(&c->patched.sec_by_name, specials[si].name, &pos); sec;
		     sec = ht_next(&c->patched.sec_by_name, specials[si].name, &pos))
			if (sec->data && sec->size)
				filter(c, si, sec, &outi);
		/* entries may pull in strings and new code */
		include_closure(c);
	}
	for (size_t i = 0; i < NSPLIT; i++) {
		struct sec *sec = ht_get(&c->patched.sec_by_name, split_sections[i].name, NULL);

		/* an empty one too: an alternative with no replacement
		 * (6.12's weak_wrmsr_fence) still points at its start */
		if (sec && (sec->data || !sec->size) && !sec->include)
			split(c, sec, split_sections[i].start);
		include_closure(c);
	}
	/* drop special sections that kept nothing */
	for (size_t i = 0; i < c->nsynths;) {
		struct synth *s = &c->synths[i];

		if (s->data.len || !is_special_name(s->name)) {
			i++;
			continue;
		}
		buf_free(&s->data);
		free(s->rels);
		memmove(s, s + 1, (c->nsynths - i - 1) * sizeof(*s));
		c->nsynths--;
		for_each_sec(&c->patched, sec)
			if (sec->split > i + 1)
				sec->split--;
	}
	mcount(c);
	modinfo(c);
	read_special_rels(c, false);
}

void special_free(void)
{
	for (size_t i = 0; i < NSPECIAL; i++) {
		free(kept[i]);
		kept[i] = NULL;
	}
}
