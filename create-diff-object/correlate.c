/* Correlation: pair every patched section and symbol with its original
 * twin. Names first; compiler suffixes (.isra.N, .constprop.N, ...) and
 * renumbered static locals by their base name, through the functions that
 * use them. */
#include "cdo.h"
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

/* A duplicated local name pairs by its rank in symbol order when both sides
 * hold it equally often. */
static struct sym *same_rank(struct ctx *c, struct sym *p)
{
	size_t pos;

	if (ht_count(&c->patched.sym_by_name, p->name) != ht_count(&c->orig.sym_by_name, p->name))
		return NULL;
	for (struct sym *o = ht_get(&c->orig.sym_by_name, p->name, &pos); o; o = ht_next(&c->orig.sym_by_name, p->name, &pos))
		if (o->rank == p->rank)
			return o;
	return NULL;
}

/* gcc names a function's static variable NAME.N, numbered per object. */
static bool is_static_local(const struct sym *s)
{
	return s->type == STT_OBJECT && s->bind == STB_LOCAL && strcmp(s->name, s->base);
}

/* Exact names that are unique on both sides (globals are always unique). */
static void by_name(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		struct sym *o;

		if (p->type == STT_SECTION || p->type == STT_FILE || !*p->name || is_static_local(p))
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

/* Static locals: a twin function pair uses twin variables. The n-th
 * uncorrelated static local of a base name the patched function uses (in
 * relocation order) is the n-th one its original uses: lockdep's __key.N
 * come several to a function. */
static void through_users(struct ctx *c)
{
	for_each_sym(&c->patched, pf) {
		struct sym *of = pf->twin;

		if (pf->type != STT_FUNC || !of || !pf->sec || !of->sec || !pf->sec->rela || !of->sec->rela)
			continue;
		for_each_rel(pf->sec, pr) {
			struct sym *p = pr->sym;

			if (p->twin || !is_static_local(p))
				continue;
			for_each_rel(of->sec, or) {
				struct sym *o = or->sym;

				if (!o->twin && is_static_local(o) && !strcmp(p->base, o->base)) {
					pair(p, o);
					break;
				}
			}
		}
	}
}

/* Static locals no twin function pair reached (used only from data or
 * special sections, like __func__.N): same exact name, if uncorrelated. */
static void statics_by_name(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		struct sym *o;

		if (p->twin || !is_static_local(p) || ht_count(&c->patched.sym_by_name, p->name) != 1 ||
		    ht_count(&c->orig.sym_by_name, p->name) != 1)
			continue;
		o = ht_get(&c->orig.sym_by_name, p->name, NULL);
		if (!o->twin && same_kind(p, o))
			pair(p, o);
	}
}

/* What is left: a base name that is unique among the uncorrelated symbols
 * on both sides (helper.isra.0 -> helper.isra.1, helper.123 -> helper.456). */
static void by_base(struct ctx *c)
{
	for_each_sym(&c->patched, p) {
		struct sym *o, *only = NULL;
		size_t pos, n = 0;

		if (p->twin || p->type == STT_SECTION || p->type == STT_FILE || !*p->name || !p->sec)
			continue;
		for (o = ht_get(&c->orig.sym_by_base, p->base, &pos); o; o = ht_next(&c->orig.sym_by_base, p->base, &pos))
			if (!o->twin && same_kind(p, o)) {
				only = o;
				n++;
			}
		if (n != 1)
			continue;
		n = 0;
		for (o = ht_get(&c->patched.sym_by_base, p->base, &pos); o; o = ht_next(&c->patched.sym_by_base, p->base, &pos))
			if (!o->twin && same_kind(p, o))
				n++;
		if (n == 1)
			pair(p, only);
	}
}

/* Sections follow the symbol they are named for, else their name. */
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
	through_users(c);
	statics_by_name(c);
	by_base(c);
	sections(c);
}
