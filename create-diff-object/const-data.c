/* Changed read-only data that only this object's code reads: a tightened
 * netlink policy, a corrected lookup table, a table of names. Existing
 * data cannot be patched in place, but a constant never changes at run
 * time, so the patch can carry the new value as a copy of its own and patch
 * every function that reads the variable to read the copy. The old copy
 * stays valid for code still running in it.
 *
 * That is only the same program when no reader is left behind, so a
 * variable is copied only when it is static (no other object reads it), in
 * a section of its own, holds no function pointers (an ops table, whose
 * address code compares and stores), and each reference to it is from a
 * function that can be patched or from another such variable (copied too).
 * Anything else stays the refusal of check_refusals. */
#include "cdo.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An existing variable's section: its twin's, or one it moved to (a
 * variable clang kept in .rodata.cst8 gets a section of its own once its
 * address is taken). */
static bool is_existing(const struct sec *sec)
{
	return sec->twin || (sec->owner && sec->owner->twin);
}

static bool is_const_data(const struct sec *sec)
{
	return !strncmp(sec->name, ".rodata", 7) && !(sec->sh->sh_flags & (SHF_WRITE | SHF_EXECINSTR | SHF_MERGE)) &&
	       sec->sh->sh_type == SHT_PROGBITS && !is_special(sec) && is_existing(sec);
}

/* Changed: the section, or the value of the variable that moved into it. */
static bool is_changed(const struct sec *sec)
{
	return sec->twin ? sec->status == ST_CHANGED && data_object(sec)
			 : sec->owner && sec->owner->type == STT_OBJECT && sec->owner->status == ST_CHANGED;
}

/* Why SEC's variable cannot be copied, or NULL. */
static const char *why_kept(const struct sec *sec)
{
	const struct sym *v = sec->owner;

	if (!v || v->type != STT_OBJECT || !v->twin)
		return "the section holds more than one variable";
	if (v->bind != STB_LOCAL)
		return "it is global, so code of other objects reads the old copy";
	for_each_rel(sec, r)
		if (r->sym->type == STT_FUNC || (r->sym->sec && (r->sym->sec->sh->sh_flags & SHF_EXECINSTR)))
			return "it holds function pointers (an ops table: code may compare or keep its address)";
	return NULL;
}

__attribute__((format(printf, 2, 3), noreturn))
static void refuse(const struct sec *sec, const char *why, ...)
{
	const struct sym *v = sec->owner ? sec->owner : sec->secsym;
	char reason[512];
	va_list ap;

	va_start(ap, why);
	vsnprintf(reason, sizeof(reason), why, ap);
	va_end(ap);
	die(EXIT_REFUSED, "%s: changed data section %s (read-only, but %s; existing data cannot be patched; use a shadow variable)",
	    v ? v->name : sec->name, sec->name, reason);
}

static void renew(struct sec *sec)
{
	sec->renewed = true;
	sec->status = ST_CHANGED;
	sec->owner->status = ST_CHANGED;
}

/* One round over the object's references to copied variables: a reading
 * function becomes changed, a reading constant is copied too (then its
 * readers need another round). True when one was. */
static bool patch_readers(struct ctx *c, size_t *readers)
{
	bool more = false;

	for_each_sec(&c->patched, sec) {
		if (!may_refer(sec))
			continue;
		for_each_rel(sec, r) {
			struct sec *t = r->sym->sec;
			struct sym *f;

			if (!t || !t->renewed || t == sec)
				continue;
			if (sec->sh->sh_flags & SHF_EXECINSTR) {
				f = function_at(sec, r->off);
				if (!f)
					refuse(t, "code outside any function reads it (in %s)", sec->name);
				if (is_init_exit(sec))
					refuse(t, "__init/__exit code reads it (%s), and what that code made of the old value stays", f->name);
				readers[t->idx]++;
				if (f->status == ST_SAME && !f->ignore) {
					note("%s: patched, its code unchanged, to read the new %s", f->name, t->owner->name);
					f->status = ST_CHANGED;
					f->patched_why = PATCHED_READS;
					f->patched_for = t->owner;
				}
				continue;
			}
			if (!is_existing(sec)) {
				readers[t->idx]++;	/* new data: copied, pointing at the copy */
				continue;
			}
			if (!sec->renewed && is_const_data(sec) && !why_kept(sec)) {
				note("%s: copied into the patch too, to point at the new %s", sec->owner->name, t->owner->name);
				renew(sec);
				more = true;
			}
			if (sec->renewed) {
				readers[t->idx]++;
				continue;
			}
			refuse(t, "its address is stored in %s, which keeps pointing at the old copy", sec->owner ? sec->owner->name : sec->name);
		}
	}
	return more;
}

void renew_const_data(struct ctx *c)
{
	size_t *readers = NULL;
	bool any = false;

	for_each_sec(&c->patched, sec) {
		const char *why;

		if (!is_const_data(sec) || !is_changed(sec) || sec->ignore || sec->printk_entry)
			continue;
		if ((why = why_kept(sec)))
			refuse(sec, "%s", why);
		note("%s: changed read-only data, copied into the patch; the functions reading it are patched",
		     sec->owner->name);
		renew(sec);
		any = true;
	}
	if (!any)
		return;
	readers = xcalloc(c->patched.nsecs, sizeof(*readers));
	while (patch_readers(c, readers))
		;
	for_each_sec(&c->patched, sec)
		if (sec->renewed && !readers[sec->idx])
			refuse(sec, "nothing in this object reads it");
	free(readers);
}
