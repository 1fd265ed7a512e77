/* Inclusion: changed and new functions, new data, and everything the
 * included code needs that is not already in the running kernel (strings,
 * constants, new sections). References to existing functions and data stay
 * references (see klp.c). */
#include "cdo.h"
#include <stdlib.h>
#include <string.h>

static struct sec **work;
static size_t nwork, capwork;

/* Sections never copied: regenerated, steering input, or discarded. */
bool is_excluded(const struct sec *sec)
{
	static const char *const prefixes[] = {
		".discard", ".livepatch.ignore", ".kpatch.ignore", ".kpatch.force", ".rela", ".modinfo", ".comment", ".note",
		"__mcount_loc", "__patchable_function_entries", ".symtab", ".strtab", ".shstrtab",
		".group", "__ksymtab", "__kcrctab", ".gnu.", ".eh_frame", ".debug", ".llvm",
		/* the loader would turn the ENDBR of these functions into NOPs:
		 * a patch's functions may be reached through pointers */
		".ibt_endbr_seal",
	};

	if (sec->sh->sh_type == SHT_GROUP || sec->sh->sh_type == SHT_SYMTAB || sec->sh->sh_type == SHT_STRTAB)
		return true;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return is_special_name(sec->name);
}

void include_sec(struct sec *sec)
{
	if (sec->include)
		return;
	sec->include = true;
	if (nwork == capwork) {
		capwork = capwork ? capwork * 2 : 64;
		work = xrealloc(work, capwork * sizeof(*work));
	}
	work[nwork++] = sec;
}

static void include_sym(struct sym *sym)
{
	sym->include = true;
	include_sec(sym->sec);
}

static const char *user_of(const struct sec *sec, GElf_Addr off)
{
	struct sym *s = sym_at(sec, (GElf_Sxword)off);

	return s ? s->name : sec->name;
}

/* A reference to section + offset that the reader left on the section
 * symbol because no variable covers the offset: one just past the end of a
 * variable (the end of a table, `p < table + N`) is that variable plus an
 * addend. The relocation is rewritten so the output speaks of the symbol. */
static void resolve_end_ref(struct rel *r)
{
	struct sym *s;

	if (r->sym->type != STT_SECTION || is_string_sec(r->sym->sec) || r->addend <= 0)
		return;
	s = sym_at(r->sym->sec, r->addend - 1);
	if (!s || s->type != STT_OBJECT || (GElf_Sxword)(s->s->st_value + s->s->st_size) != r->addend)
		return;
	debug("%s+0x%lx: the end of %s", r->sym->sec->name, (unsigned long)r->addend, s->name);
	r->addend -= (GElf_Sxword)s->s->st_value;
	r->sym = s;
}

/* A dynamic debug descriptor (pr_debug and friends) of a module: its static
 * key is tested by a jump label, which the kernel resolves when it loads the
 * patch module, before any livepatch relocation to the module is applied.
 * So the patch carries its own copy: the kernel registers it under the patch
 * module's name. A vmlinux descriptor stays a reference (vmlinux relocations
 * are applied first), and keeps its dynamic debug control. */
static bool is_module_dyndbg(const struct ctx *c, const struct sym *t)
{
	return !c->parent_is_vmlinux && t->type == STT_OBJECT &&
	       (!strcmp(t->sec->name, "__dyndbg") || !strcmp(t->sec->name, "__verbose"));
}

/* What a relocation of included code needs. */
void include_need(const struct ctx *c, struct sec *from, struct rel *r)
{
	struct sym *t;

	resolve_end_ref(r);
	t = r->sym;
	if (t->type == STT_SECTION) {
		struct sec *ts = t->sec;
		bool anon = true;

		for (size_t i = 0; i < ts->nsyms; i++)
			if (ts->syms[i]->type == STT_FUNC || ts->syms[i]->type == STT_OBJECT)
				anon = false;
		if (is_excluded(ts))
			die(EXIT_REFUSED, "%s: references excluded section %s", user_of(from, r->off), ts->name);
		if (is_split(ts))
			return;	/* the pieces it uses are copied by include_special */
		if (is_string_sec(ts) || !ts->twin || !(ts->sh->sh_flags & SHF_WRITE) || anon)
			include_sec(ts);
		else
			die(EXIT_REFUSED, "%s: references %s+0x%lx, which has no symbol to relocate against",
			    user_of(from, r->off), ts->name, (unsigned long)r->addend);
		return;
	}
	if (!t->sec || t->include)
		return;
	if (is_merge_literal(t)) {
		include_sec(t->sec);
		return;
	}
	if (!t->twin || is_module_dyndbg(c, t) || (t->parent && t->parent->include) || t->status == ST_CHANGED || is_constant(t) ||
	    is_empty_local(t))
		if (!is_excluded(t->sec))
			include_sym(t);
}

void include_closure(struct ctx *c)
{
	while (nwork) {
		struct sec *sec = work[--nwork];

		for (size_t i = 0; i < sec->nsyms; i++)
			if (sec->syms[i]->type == STT_FUNC || sec->syms[i]->type == STT_OBJECT)
				sec->syms[i]->include = true;
		for_each_rel(sec, r)
			include_need(c, sec, r);
	}
}

bool is_patched_func(const struct sym *s)
{
	return s->type == STT_FUNC && s->status == ST_CHANGED && !s->parent && !s->ignore && !s->via_callers &&
	       s->sec && !is_excluded(s->sec);
}

bool include_changes(struct ctx *c)
{
	bool changed = false;

	for_each_sym(&c->patched, s) {
		if (!s->sec || s->ignore || is_excluded(s->sec) || (s->type != STT_FUNC && s->type != STT_OBJECT) ||
		    is_string_literal(s))
			continue;
		if (is_patched_func(s)) {
			c->funcs = xgrow(c->funcs, c->nfuncs, sizeof(*c->funcs));
			c->funcs[c->nfuncs++] = s;
		}
		if (s->status == ST_NEW || (s->type == STT_FUNC && s->status == ST_CHANGED) ||
		    (s->parent && s->parent->status == ST_CHANGED)) {
			if (s->status == ST_NEW && s->twin == NULL && s->sec->twin && s->type == STT_OBJECT &&
			    (s->sec->sh->sh_flags & SHF_WRITE) && s->sec->owner != s && s->sec->status == ST_SAME)
				continue;
			debug("%s %s %s (%s)", s->status == ST_NEW ? "new" : "changed",
			      s->type == STT_FUNC ? "function" : "object", s->name, s->sec->name);
			include_sym(s);
			changed = true;
		}
	}
	include_closure(c);
	return changed;
}

void include_free(void);
void include_free(void)
{
	free(work);
	work = NULL;
	nwork = capwork = 0;
}
