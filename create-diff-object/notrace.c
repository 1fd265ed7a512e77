/* Changed functions without an ftrace entry. Livepatch redirects a function
 * through its __fentry__ call, so a notrace function cannot be replaced.
 * The common case is a static inline helper the compiler kept out of line
 * (the kernel's `inline` implies notrace, so its .constprop/.isra clones
 * have no entry). Such a function is local: every call to it is in this
 * object. Its callers are patched instead, and it comes along as plain code
 * only they call; a caller that is notrace too passes the change on to its
 * own callers. A global one, or one whose address is stored in data, is
 * left to check_refusals, which refuses it. */
#include "cdo.h"
#include <stdio.h>
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
	GElf_Sxword off = sadd(r->addend, is_pcrel(r->type) ? 4 : 0);

	return r->sym->type == STT_SECTION ? off : sadd(off, (GElf_Sxword)r->sym->s->st_value);
}

/* The function a relocation points at (through a section symbol too). */
static struct sym *target_function(const struct rel *r)
{
	struct sym *t = r->sym;

	if (t->type == STT_SECTION)
		return t->sec ? function_at(t->sec, target_off(r)) : NULL;
	if (t->type != STT_FUNC)
		return NULL;
	return t->parent ? t->parent : t;
}

static bool needs_callers(const struct sym *s)
{
	return s->type == STT_FUNC && s->status == ST_CHANGED && !s->parent && !s->has_fentry &&
	       s->bind == STB_LOCAL && s->sec && !s->via_callers;
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

void patch_notrace_callers(struct ctx *c)
{
	const struct sym *callee = NULL;
	const char *user;
	bool any = false;

	for_each_sym(&c->patched, s)
		if (needs_callers(s))
			any = s->via_callers = true;
	if (!any)
		return;
	do {
		user = unreachable_use(c, &callee);
		if (user)
			die(EXIT_REFUSED, "%s: changed function has no ftrace entry (call __fentry__) and its address is used in %s, which patching its callers cannot reach; notrace functions cannot be patched%s",
			    callee->name, user, why_patched(callee));
	} while (patch_callers(c));
}
