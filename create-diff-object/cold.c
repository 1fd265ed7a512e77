/* A patched function's .cold part joins the function.
 *
 * gcc moves a function's unlikely paths (error handling, mostly) into a
 * part of its own, f.cold in .text.unlikely.f, that f jumps into and out
 * of: one body, one stack frame, in two places. Livepatch's unpatch
 * transition waits only for tasks with a return address inside a
 * klp-func's new code (new_func .. new_func + new_size, the size running to
 * the next symbol of the module): a task asleep in a call from f.cold has
 * its return address in f.cold, outside f, and removing the module would
 * pull the code from under it.
 *
 * So the part's bytes are appended to f's own section, after one int3 that
 * keeps f's unwind terminator where it was; every reference into the part
 * (f's jumps, its own relocations, special entries, the unwind table, a
 * jump label rewritten in place) is re-pointed at f plus the new offset;
 * f's size grows over it and the f.cold symbol is not written. */
#include "cdo.h"
#include <stdlib.h>
#include <string.h>

/* Where a joined part's section now lies: at BASE of F's section. */
struct joined {
	struct sym *f;
	GElf_Addr base;
};

/* R points into a joined section (by section index in JOINED): make it
 * point at the same byte as F + offset. */
static void remap(struct rel *r, const struct joined *joined)
{
	struct sym *t = r->sym;
	const struct joined *j;
	GElf_Sxword at;

	if (!t || !t->sec || !joined[t->sec->idx].f)
		return;
	j = &joined[t->sec->idx];
	at = rel_sec_off(r);
	r->sym = j->f;
	r->addend = sadd(at, (GElf_Sxword)j->base - (GElf_Sxword)j->f->s->st_value);
}

/* One pass over every reference the output keeps. */
static void remap_all(struct ctx *c, const struct joined *joined)
{
	for_each_sec(&c->patched, sec)
		if (sec->include)
			for_each_rel(sec, r)
				remap(r, joined);
	for (size_t i = 0; i < c->nsynths; i++)
		for (size_t k = 0; k < c->synths[i].nrels; k++)
			remap(&c->synths[i].rels[k], joined);
	for (size_t i = 0; i < c->nrewrites; i++) {
		struct site_rewrite *w = &c->rewrites[i];
		struct rel t = { .sym = w->target, .addend = w->target_addend };

		if (joined[w->sec->idx].f) {
			w->off += joined[w->sec->idx].base;
			w->sec = joined[w->sec->idx].f->sec;
		}
		remap(&t, joined);
		w->target = t.sym;
		w->target_addend = t.addend;
	}
}

/* Does COLD hold code of PART alone (no other function)? */
static bool holds_only(const struct sec *cold, const struct sym *part)
{
	for (uint32_t i = 0; i < cold->nsyms; i++)
		if (cold->syms[i]->type == STT_FUNC && cold->syms[i] != part)
			return false;
	return true;
}

/* PART's bytes and relocations go to the end of F's section; returns where. */
static GElf_Addr join(struct ctx *c, struct sym *f, struct sym *part)
{
	struct sec *sec = f->sec, *cold = part->sec;
	GElf_Addr base = sec->size + 1, end = base + cold->size;
	uint32_t nf = sec->rela->nrels, nc = cold->rela ? cold->rela->nrels : 0;
	unsigned char *data = xcalloc(1, end);
	struct rel *rels = xcalloc(nf + nc, sizeof(*rels));

	memcpy(data, sec->data, sec->size);
	data[sec->size] = 0xcc;
	memcpy(data + base, cold->data, cold->size);
	memcpy(rels, sec->rela->rels, nf * sizeof(*rels));
	for (uint32_t i = 0; i < nc; i++) {
		rels[nf + i] = cold->rela->rels[i];
		rels[nf + i].off = (uint32_t)(rels[nf + i].off + base);
	}
	sec_replace_code(&c->patched, sec, data, end, rels, nf + nc);
	sym_resize(&c->patched, f, end - f->s->st_value);
	part->include = false;
	cold->include = false;
	debug("%s: %s joins it at +0x%lx", f->name, part->name, (unsigned long)(base - f->s->st_value));
	return base;
}

void join_cold_parts(struct ctx *c)
{
	struct joined *joined = xcalloc(c->patched.nsecs, sizeof(*joined));
	bool any = false;

	for_each_sym(&c->patched, part) {
		struct sym *f = part->parent;

		if (!f || !is_patched_func(f) || part->type != STT_FUNC || !strstr(part->name, ".cold") ||
		    !part->include || !part->sec || !part->sec->include || part->sec == f->sec)
			continue;
		if (!f->sec->rela || !f->sec->data || !part->sec->data ||
		    f->s->st_value + f->s->st_size != f->sec->size || !holds_only(part->sec, part) ||
		    f->sec->size + 1 + part->sec->size > UINT32_MAX - 4096) {
			note("%s: its part %s stays apart (%s): disabling the patch will not wait for a task "
			     "asleep in it",
			     f->name, part->name, f->s->st_value + f->s->st_size != f->sec->size ?
			     "the function does not end its section" : "an unusual layout");
			continue;
		}
		joined[part->sec->idx] = (struct joined){ f, join(c, f, part) };
		any = true;
	}
	if (any)
		remap_all(c, joined);
	free(joined);
}
