/* Changed functions without an ftrace entry. Livepatch redirects a function
 * through its __fentry__ call, so a notrace function cannot be replaced.
 * The common case is a static inline helper the compiler kept out of line
 * (the kernel's `inline` implies notrace, so its .constprop/.isra clones
 * have no entry). Such a function is local: every call to it is in this
 * object. Its callers are patched instead, and it comes along as plain code
 * only they call; a caller that is notrace too passes the change on to its
 * own callers. A global one is the same when kpatch-build names it with
 * --via-callers: it has found the other objects of the parent that call it,
 * and gives them the same option, so that their callers are patched too and
 * call the patch's copy (an undefined symbol here, linked in the patch
 * module). One whose address is stored in data, or a global one not named,
 * is left to check_refusals, which refuses it. */
#include "cdo.h"
#include "hash.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_init_code(const struct sec *sec)
{
	return !strncmp(sec->name, ".init", 5);
}

/* The function whose code holds offset OFF of SEC (its parent for a .cold
 * part), or NULL (cdo.h). A .cold part's section is named for the parent
 * (.text.unlikely.f holds f.cold), so it has no owner: the symbol at OFF
 * says whose code it is. */
struct sym *function_at(const struct sec *sec, GElf_Sxword off)
{
	struct sym *f = sec->owner;

	if (!f && (sec->sh->sh_flags & SHF_EXECINSTR))
		f = sym_at(sec, off);
	if (!f || f->type != STT_FUNC)
		return NULL;
	return f->parent ? f->parent : f;
}

/* The offset in its target's section a relocation of code points at: a
 * jump's displacement counts from the end of its 4 bytes. */
static GElf_Sxword target_off(const struct rel *r)
{
	return sadd(rel_sec_off(r), is_pcrel(r->type) ? 4 : 0);
}

/* The function a relocation points at (through a section symbol too). */
static struct sym *target_function(const struct rel *r)
{
	struct sym *t = r->sym;

	if (!t->sec && t->type != STT_SECTION)
		return t->via_callers ? t : NULL;	/* --via-callers, defined in another object */
	if (t->type == STT_SECTION)
		return t->sec ? function_at(t->sec, target_off(r)) : NULL;
	if (t->type != STT_FUNC)
		return NULL;
	return t->parent ? t->parent : t;
}

static bool needs_callers(const struct sym *s)
{
	return s->type == STT_FUNC && s->status == ST_CHANGED && !s->parent && !s->has_fentry &&
	       (s->bind == STB_LOCAL || s->callers_elsewhere) && s->sec && !s->via_callers;
}

const char *why_patched(const struct sym *s)
{
	static const char *const because[] = {
		[PATCHED_READS] = "reads %s, which changed and is copied into the patch",
		[PATCHED_CALLS] = "calls %s, which has no ftrace entry and is reached through its callers",
	};
	static char text[512];
	char reason[400];

	if (s->patched_why == PATCHED_AS_CHANGED || !s->patched_for)
		return "";
	snprintf(reason, sizeof(reason), because[s->patched_why], s->patched_for->name);
	snprintf(text, sizeof(text), " (its own code did not change: it is patched because it %s)", reason);
	return text;
}

/* A section whose relocations are references at run time: loaded, neither
 * rebuilt (special) nor dropped (debug, ...) (cdo.h). */
bool may_refer(const struct sec *sec)
{
	return sec->rela && !is_special(sec) && !is_excluded(sec) && (sec->sh->sh_flags & SHF_ALLOC);
}

/* One round over the object's relocations: the callers of each function
 * marked in the round before become changed. False when none did. */
static bool patch_callers(struct ctx *c)
{
	bool more = false;

	for_each_sec(&c->patched, sec) {
		struct sym *caller;

		if (!may_refer(sec))
			continue;
		for_each_rel(sec, r) {
			struct sym *callee = target_function(r);

			caller = function_at(sec, r->off);
			if (!callee || !callee->via_callers || !caller || caller == callee || is_init_code(sec))
				continue;	/* recursion; __init code never runs again */
			if (caller->status == ST_NEW || caller->via_callers ||
			    (caller->status == ST_CHANGED && caller->has_fentry))
				continue;
			note("%s: patched, its code unchanged, because it calls %s, which has no ftrace entry", caller->name, callee->name);
			caller->status = ST_CHANGED;
			caller->patched_why = PATCHED_CALLS;
			caller->patched_for = callee;
			if (needs_callers(caller)) {
				caller->via_callers = true;
				more = true;
			}
		}
	}
	return more;
}

/* R points into F's body, not at its entry: a jump to one of F's own
 * labels. Only F's own code does that, such as the replacement of one of
 * its alternatives (.altinstr_replacement) or an exception fixup, which come
 * with F's new copy and stay with the old one: no use of F's address. */
static bool into_body(const struct rel *r, const struct sym *f)
{
	return r->sym->sec != f->sec || target_off(r) != (GElf_Sxword)f->s->st_value;
}

/* The first reference to a function reached through its callers that no
 * caller can stand for: from data, or from code of no function (other than
 * a jump into the function's own body). */
static const char *unreachable_use(struct ctx *c, const struct sym **callee)
{
	for_each_sec(&c->patched, sec) {
		if (!may_refer(sec))
			continue;
		for_each_rel(sec, r) {
			const struct sym *t = target_function(r);

			if (!t || !t->via_callers)
				continue;
			if ((sec->sh->sh_flags & SHF_EXECINSTR) && !function_at(sec, r->off) && into_body(r, t))
				continue;
			if (!(sec->sh->sh_flags & SHF_EXECINSTR) || !function_at(sec, r->off)) {
				const struct sym *user = sec->owner;

				*callee = t;
				return user ? user->name : sec->name;
			}
		}
	}
	return NULL;
}

/* The --via-callers names: a global one defined here may be reached through
 * its callers; an undefined one is such a function of another object, whose
 * callers here are patched. */
static bool mark_via_callers(struct ctx *c)
{
	struct ht names;
	size_t pos;
	bool any = false;

	if (!c->nvia_callers)
		return false;
	ht_init(&names, c->nvia_callers);
	for (size_t i = 0; i < c->nvia_callers; i++)
		ht_put(&names, c->via_callers[i], (void *)c->via_callers[i]);
	for (struct elf *elf = &c->orig; elf; elf = elf == &c->orig ? &c->patched : NULL)
		for_each_sym(elf, s) {
			if (s->bind == STB_LOCAL || s->type == STT_SECTION || !ht_get(&names, s->name, &pos))
				continue;
			if (s->sec)
				s->callers_elsewhere = true;
			else if (elf == &c->patched)
				any = s->via_callers = true;
			else
				s->via_callers = true;	/* for list_callers */
		}
	ht_free(&names);
	return any;
}

/* For kpatch-build, which checks that every function of the running parent
 * that calls a --via-callers function is patched: the functions of this
 * object that refer to it (before the patch as after; not __init code,
 * which never runs again, nor its own code). */
static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void list_callers(struct ctx *c)
{
	for (size_t i = 0; i < c->nvia_callers; i++) {
		const char **names = NULL;
		size_t n = 0, pos;
		struct buf line = { 0 };
		struct ht seen;

		ht_init(&seen, 16);
		for (struct elf *elf = &c->orig; elf; elf = elf == &c->orig ? &c->patched : NULL)
			for_each_sec(elf, sec) {
				if (!may_refer(sec) || !(sec->sh->sh_flags & SHF_EXECINSTR) || is_init_code(sec))
					continue;
				for_each_rel(sec, r) {
					const struct sym *f = function_at(sec, r->off), *t = target_function(r);

					if (f && t && t != f && t->bind != STB_LOCAL && !strcmp(t->name, c->via_callers[i]) &&
					    !ht_get(&seen, f->name, &pos)) {
						ht_put(&seen, f->name, (void *)f);
						names = xgrow(names, n, sizeof(*names));
						names[n++] = f->name;
					}
				}
			}
		ht_free(&seen);
		/* sorted: the same list whatever order the compiler put the sections in */
		if (n)
			qsort(names, n, sizeof(*names), by_name);
		for (size_t k = 0; k < n; k++) {
			buf_add(&line, " ", 1);
			buf_add(&line, names[k], strlen(names[k]));
		}
		buf_add(&line, "", 1);
		note("callers of %s:%s", c->via_callers[i], n ? (const char *)line.p : " none");
		buf_free(&line);
		free(names);
	}
}

void patch_notrace_callers(struct ctx *c)
{
	const struct sym *callee = NULL;
	const char *user;
	bool any = mark_via_callers(c);

	for_each_sym(&c->patched, s)
		if (needs_callers(s))
			any = s->via_callers = true;
	list_callers(c);
	if (!any)
		return;
	do {
		user = unreachable_use(c, &callee);
		if (user)
			die(EXIT_REFUSED, "%s: changed function has no ftrace entry (call __fentry__) and its address is used in %s, which patching its callers cannot reach; notrace functions cannot be patched%s",
			    callee->name, user, why_patched(callee));
	} while (patch_callers(c));
}
