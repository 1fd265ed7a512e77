/* Correlation: pair every patched section and symbol with its original
 * twin. Names first; compiler suffixes (.isra.N, .constprop.N, ...) by
 * their base name, a clone's .cold part with its clone; renumbered static
 * locals through the functions that use them, or through the family of
 * functions of one base name when the compiler moved the code using them
 * into a split part (f -> f.part.0, f.cold); names made with __COUNTER__
 * by the rest of the name (counter-names.c). */
#include "cdo.h"
#include <stdio.h>
#include <string.h>

static void pair(struct sym *p, struct sym *o)
{
	p->twin = o;
	o->twin = p;
}

static bool same_kind(const struct sym *a, const struct sym *b)
{
	return a->type == b->type && (a->bind == STB_LOCAL) == (b->bind == STB_LOCAL) &&
	       !a->sec == !b->sec;
}

/* Symbols named like S in ELF, in FILE blocks named like S's, before S
 * (RANK) and in all (return value). */
static size_t file_rank(struct elf *elf, const struct sym *s, size_t *rank)
{
	size_t pos, n = 0;

	*rank = 0;
	for (struct sym *q = ht_get(&elf->sym_by_name, s->name, &pos); q; q = ht_next(&elf->sym_by_name, s->name, &pos))
		if (!strcmp(q->file, s->file)) {
			n++;
			*rank += q->idx < s->idx;
		}
	return n;
}

/* A duplicated local name (an object linked with ld -r from several
 * sources holds one per FILE block) pairs with the one of the same rank
 * among those of FILE blocks of the same name, when both sides hold as
 * many there: a static added to one source does not shift another's. */
static struct sym *same_rank(struct ctx *c, struct sym *p)
{
	size_t pos, prank, orank, np = file_rank(&c->patched, p, &prank);

	for (struct sym *o = ht_get(&c->orig.sym_by_name, p->name, &pos); o; o = ht_next(&c->orig.sym_by_name, p->name, &pos))
		if (!strcmp(o->file, p->file) && file_rank(&c->orig, o, &orank) == np && orank == prank)
			return o;
	return NULL;
}

/* gcc names a function's static variable NAME.N, numbered per object. */
static bool is_static_local(const struct sym *s)
{
	return s->type == STT_OBJECT && s->bind == STB_LOCAL && strcmp(s->name, s->base);
}

/* A name made with __COUNTER__: its number is no identity (counter-names.c). */
static bool is_counter_named(const struct sym *s)
{
	char key[512];

	return counter_key(s->base, key, sizeof(key));
}

/* Exact names that are unique on both sides (globals are always unique). */
static void by_name(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		struct sym *o;

		/* (an undefined one is named by what defines it: exact) */
		if (p->type == STT_SECTION || p->type == STT_FILE || !*p->name || is_static_local(p) ||
		    (p->sec && is_counter_named(p)))
			continue;
		o = ht_get(&c->orig.sym_by_name, p->name, NULL);
		if (!o)
			continue;
		if (p->bind == STB_LOCAL && ht_count(&c->patched.sym_by_name, p->name) != 1)
			o = same_rank(c, p);	/* ld -r objects: one per source file */
		else if (ht_count(&c->orig.sym_by_name, p->name) != 1)
			continue;
		if (!o || o->twin || !same_kind(p, o))
			continue;
		pair(p, o);
	}
}

/* A read-only static local with its content and no relocations: a
 * message (NL_SET_ERR_MSG's __msg.N), a table of constants. */
static bool is_plain_constant(const struct sym *s)
{
	const struct sec *sec = s->sec;

	return sec && sec->data && sec->sh->sh_type == SHT_PROGBITS && !(sec->sh->sh_flags & SHF_WRITE) &&
	       !sec->rela && s->s->st_value + s->s->st_size <= sec->size;
}

static bool same_content(const struct sym *p, const struct sym *o)
{
	return is_plain_constant(p) && is_plain_constant(o) && same_constant(p, o);
}

/* Static locals: a twin function pair uses twin variables. The n-th
 * uncorrelated static local of a base name the patched function uses (in
 * relocation order) is the n-th one its original uses: lockdep's __key.N
 * come several to a function. CONTENT: first only read-only constants of
 * the same bytes, so that a message added or removed before others does
 * not shift them all by one (each would then look changed). */
static void through_users(struct ctx *c, bool content)
{
	for_each_sym(&c->patched, pf) {
		struct sym *of = pf->twin;

		if (pf->type != STT_FUNC || !of || !pf->sec || !of->sec || !pf->sec->rela || !of->sec->rela)
			continue;
		for_each_rel(pf->sec, pr) {
			struct sym *p = pr->sym;

			if (p->twin || !is_static_local(p) || (content && !is_plain_constant(p)))
				continue;
			for_each_rel(of->sec, or) {
				struct sym *o = or->sym;

				if (!o->twin && is_static_local(o) &&
				    (!strcmp(p->base, o->base) || same_counter_key(p->base, o->base)) &&
				    (!content || same_content(p, o))) {
					pair(p, o);
					break;
				}
			}
		}
	}
}

/* Static locals no twin function pair reached (used only from data or
 * special sections, like __func__.N): same exact name, if uncorrelated; a
 * name repeated in an object linked with ld -r from several sources (each
 * numbers its own from 0) by its rank among the FILE blocks of one name. */
static void statics_by_name(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		struct sym *o;

		if (p->twin || !is_static_local(p) || is_counter_named(p))
			continue;
		if (ht_count(&c->patched.sym_by_name, p->name) == 1 && ht_count(&c->orig.sym_by_name, p->name) == 1)
			o = ht_get(&c->orig.sym_by_name, p->name, NULL);
		else
			o = same_rank(c, p);
		if (o && !o->twin && same_kind(p, o))
			pair(p, o);
	}
}

/* What is left: a base name that is unique among the uncorrelated symbols
 * on both sides (helper.isra.0 -> helper.isra.1, helper.123 -> helper.456).
 * Children (.cold parts, __pfx_ prefixes, .localalias) are not counted: a
 * clone's .cold part shares its base name, and follows the clone (children).
 * FUNCS: functions only (before the static locals are paired through them). */
static void by_base(struct ctx *c, bool funcs)
{
	for_each_sym(&c->patched, p) {
		struct sym *o, *only = NULL;
		size_t pos, n = 0;

		if (p->twin || p->parent || p->type == STT_SECTION || p->type == STT_FILE || !*p->name || !p->sec ||
		    (funcs && p->type != STT_FUNC) || is_counter_named(p))
			continue;
		for (o = ht_get(&c->orig.sym_by_base, p->base, &pos); o; o = ht_next(&c->orig.sym_by_base, p->base, &pos))
			if (!o->twin && !o->parent && same_kind(p, o)) {
				only = o;
				n++;
			}
		if (n != 1)
			continue;
		n = 0;
		for (o = ht_get(&c->patched.sym_by_base, p->base, &pos); o; o = ht_next(&c->patched.sym_by_base, p->base, &pos))
			if (!o->twin && !o->parent && same_kind(p, o))
				n++;
		if (n == 1)
			pair(p, only);
	}
}

/* A child follows its function: the twin's child of the same shape
 * (f.constprop.19.cold -> f.constprop.18.cold, __pfx_f.isra.1 ->
 * __pfx_f.isra.0). */
static void children(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		const struct sym *pp = p->parent, *op = pp ? pp->twin : NULL;
		size_t plen, nlen, pos;
		char buf[512];
		int n;

		if (p->twin || !op)
			continue;
		plen = strlen(pp->name);
		nlen = strlen(p->name);
		if (!strncmp(p->name, pp->name, plen))
			n = snprintf(buf, sizeof(buf), "%s%s", op->name, p->name + plen);
		else if (nlen > plen && !strcmp(p->name + nlen - plen, pp->name))
			n = snprintf(buf, sizeof(buf), "%.*s%s", (int)(nlen - plen), p->name, op->name);
		else
			continue;
		if (n < 0 || (size_t)n >= sizeof(buf))
			continue;
		for (struct sym *o = ht_get(&c->orig.sym_by_name, buf, &pos); o; o = ht_next(&c->orig.sym_by_name, buf, &pos))
			if (!o->twin && o->parent == op && same_kind(p, o)) {
				pair(p, o);
				break;
			}
	}
}

/* Is F the first function of its base name's family in ELF? */
static bool family_head(struct elf *elf, const struct sym *f)
{
	size_t pos;

	for (struct sym *s = ht_get(&elf->sym_by_base, f->base, &pos); s; s = ht_next(&elf->sym_by_base, f->base, &pos))
		if (s->type == STT_FUNC)
			return s == f;
	return false;
}

/* Has the family a member whose twin is of the same family? */
static bool family_known(struct elf *elf, const char *family)
{
	size_t pos;

	for (struct sym *s = ht_get(&elf->sym_by_base, family, &pos); s; s = ht_next(&elf->sym_by_base, family, &pos))
		if (s->type == STT_FUNC && s->twin && !strcmp(s->twin->base, family))
			return true;
	return false;
}

/* Does relocation R lie in function F (a .cold part shares no section with
 * its parent, but may share one with others)? */
static bool in_func(const struct sym *f, const struct rel *r)
{
	return r->off >= f->s->st_value && r->off < f->s->st_value + f->s->st_size;
}

/* The first uncorrelated static local of base name BASE that a function of
 * ELF's family FAMILY uses, or NULL. */
static struct sym *family_static(struct elf *elf, const char *family, const char *base)
{
	size_t pos;

	for (struct sym *f = ht_get(&elf->sym_by_base, family, &pos); f; f = ht_next(&elf->sym_by_base, family, &pos)) {
		if (f->type != STT_FUNC || !f->sec)
			continue;
		for_each_rel(f->sec, r)
			if (in_func(f, r) && !r->sym->twin && is_static_local(r->sym) && !strcmp(r->sym->base, base))
				return r->sym;
	}
	return NULL;
}

/* Static locals the compiler moved with code into a split part of their
 * function (f -> f.part.0, f.cold, f.constprop.N, f.isra.N): the functions
 * of one base name are one family, and the n-th uncorrelated static local
 * of a base name the patched family uses is the n-th the original family
 * uses. Only families with a correlated member. */
static void through_families(struct ctx *c)
{
	for_each_sym(&c->patched, head) {
		size_t pos;

		if (head->type != STT_FUNC || !family_head(&c->patched, head) || !family_known(&c->patched, head->base))
			continue;
		for (struct sym *f = ht_get(&c->patched.sym_by_base, head->base, &pos); f;
		     f = ht_next(&c->patched.sym_by_base, head->base, &pos)) {
			if (f->type != STT_FUNC || !f->sec)
				continue;
			for_each_rel(f->sec, r) {
				struct sym *o;

				if (!in_func(f, r) || r->sym->twin || !is_static_local(r->sym))
					continue;
				o = family_static(&c->orig, head->base, r->sym->base);
				if (o)
					pair(r->sym, o);
			}
		}
	}
}

/* A section named for no symbol of its own (gcc's .text.unlikely.f holds
 * f.cold): the twin of the first function in it that has one, if that
 * twin's section is not some function's own. */
static struct sec *child_section(const struct sec *ps)
{
	for (size_t i = 0; i < ps->nsyms; i++) {
		const struct sym *s = ps->syms[i];

		if (s->type == STT_FUNC && s->twin && s->twin->sec)
			return s->twin->sec->owner ? NULL : s->twin->sec;
	}
	return NULL;
}

/* Sections follow the symbol they are named for, else their name, else
 * the functions they hold. */
static void sections(struct ctx *c)
{
	for_each_sec(&c->patched, ps) {
		struct sec *os = NULL;

		if (ps->base)
			continue;
		if (ps->owner && ps->owner->twin && ps->owner->twin->sec && ps->owner->twin->sec->owner == ps->owner->twin)
			os = ps->owner->twin->sec;
		else if (!ps->owner || !ps->owner->twin)
			os = ht_get(&c->orig.sec_by_name, ps->name, NULL);
		if (!os && !ps->owner)
			os = child_section(ps);
		if (!os || os->twin || os->base)
			continue;
		ps->twin = os;
		os->twin = ps;
		if (ps->secsym && os->secsym)
			pair(ps->secsym, os->secsym);
	}
	for_each_sec(&c->patched, ps)
		if (ps->base && ps->base->twin && ps->base->twin->rela) {
			ps->twin = ps->base->twin->rela;
			ps->twin->twin = ps;
		}
}

void correlate(struct ctx *c)
{
	by_name(c);
	by_base(c, true);
	children(c);
	through_users(c, true);
	through_users(c, false);
	through_families(c);
	correlate_counter_names(c);
	statics_by_name(c);
	by_base(c, false);
	children(c);
	sections(c);
}
