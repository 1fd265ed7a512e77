/* References and functions that move between builds: see moved.h. */
#include "moved.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

/* Index in SEC->syms (sorted by address) of the first symbol after OFF. */
static size_t next_sym(const struct sec *sec, GElf_Sxword off)
{
	size_t lo = 0, hi = sec->nsyms;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((GElf_Sxword)sec->syms[mid]->s->st_value <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* [*start, *end) around OFF: from the last symbol at or before OFF to the
 * next one after it. False when OFF is outside the data. */
static bool region(const struct sec *sec, GElf_Sxword off, GElf_Sxword *start, GElf_Sxword *end)
{
	size_t i = next_sym(sec, off);

	if (!sec->data || off < 0 || (size_t)off > sec->size)
		return false;
	*start = i ? (GElf_Sxword)sec->syms[i - 1]->s->st_value : 0;
	*end = i < sec->nsyms ? (GElf_Sxword)sec->syms[i]->s->st_value : (GElf_Sxword)sec->size;
	return *end <= (GElf_Sxword)sec->size && *start <= off;
}

bool same_label_target(const struct sec *ps, GElf_Sxword poff, const struct sec *os, GElf_Sxword ooff, GElf_Sxword span)
{
	GElf_Sxword pa, pb, oa, ob, x;

	/* the pieces holding OFF ... OFF+SPAN, whole: a pc-relative target
	 * is 4 to 8 bytes past the addend (an immediate may follow) */
	if (!region(ps, poff, &pa, &x) || !region(ps, poff + span, &x, &pb) || !region(os, ooff, &oa, &x) ||
	    !region(os, ooff + span, &x, &ob))
		return false;
	return poff - pa == ooff - oa && pb - pa == ob - oa && !memcmp(ps->data + pa, os->data + oa, (size_t)(pb - pa));
}

static int cmp_rel_off(const void *a, const void *b)
{
	const struct rel *x = *(const struct rel *const *)a, *y = *(const struct rel *const *)b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* SEC's relocations by offset (the table need not be sorted), made once:
 * every function of a section asks for its own range. */
static struct rel **rels_by_off(struct sec *sec)
{
	size_t k = 0;

	if (sec->rels_by_off || !sec->rela || !sec->rela->nrels)
		return sec->rels_by_off;
	sec->rels_by_off = xcalloc(sec->rela->nrels, sizeof(*sec->rels_by_off));
	for_each_rel(sec, r)
		sec->rels_by_off[k++] = r;
	qsort(sec->rels_by_off, k, sizeof(*sec->rels_by_off), cmp_rel_off);
	return sec->rels_by_off;
}

/* Index of the first of the N relocations V at or after OFF. */
static size_t first_rel_from(struct rel *const *v, size_t n, GElf_Xword off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v[mid]->off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct rel **rels_in(struct sec *sec, GElf_Xword start, GElf_Xword end, size_t *n)
{
	struct rel **v = rels_by_off(sec);
	size_t total = v ? sec->rela->nrels : 0, a = first_rel_from(v, total, start);

	*n = first_rel_from(v, total, end) - a;
	return v ? v + a : NULL;
}

bool same_func_in_section(const struct sym *p, const struct sym *o, same_rel_fn same)
{
	GElf_Xword pv = p->s->st_value, ov = o->s->st_value, size = p->s->st_size;
	struct rel **pr, **or;
	size_t np, no;
	bool same_all;

	if (size != o->s->st_size || !p->sec->data || !o->sec->data || pv + size > p->sec->size ||
	    ov + size > o->sec->size || memcmp(p->sec->data + pv, o->sec->data + ov, size))
		return false;
	pr = rels_in(p->sec, pv, pv + size, &np);
	or = rels_in(o->sec, ov, ov + size, &no);
	same_all = np == no;
	for (size_t i = 0; same_all && i < np; i++)
		same_all = same(pr[i], or[i], (GElf_Sxword)pv - (GElf_Sxword)ov);
	return same_all;
}
