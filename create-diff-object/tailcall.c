/* Tail calls from patched functions into code only the patch module has.
 *
 * When a patch is disabled, livepatch waits for every task whose stack
 * holds a return address inside one of the patch's functions (the new
 * code of a klp-func). Code the module carries besides them (a new
 * function, a syscall's new body, a notrace function reached through its
 * callers) is covered through the patched function that called it, whose
 * frame is below it on the stack. A sibling call (`jmp X` as a function's
 * last act, or `jcc X`) leaves no such frame: a task asleep in X does not
 * hold up the transition, and removing the module then pulls X from under
 * it.
 *
 * So each such jump of a patched function F goes instead to a stub that
 * this pass appends to F's section and symbol: `call X` then F's way of
 * returning (`jmp __x86_return_thunk` on return-thunk kernels, else
 * `ret`), and an int3 against straight-line speculation. The return
 * address X leaves is then inside F. The stub runs in F's entry state (a
 * tail call leaves the stack as F found it), so its unwind entry is the one
 * in force at F's first instruction; an unwind terminator at the old end
 * of the section moves to the new end. Return and call sites the stub adds
 * are listed as objtool would list them. (On kernels where objtool runs
 * over the linked patch module, kpatch-build drops those tables and objtool
 * writes them again from the code: it sees the stub as part of F.)
 *
 * Carried code whose address the patch hands out (a callback, a timer,
 * work or RCU function) can run later with no patched function below it.
 * Nothing here can make the transition wait for that; the engineer gets a
 * note naming the function. */
#include "cdo.h"
#include <stdlib.h>
#include <string.h>

#define CALL_LEN 5
#define JMP_LEN 5

struct tail_jump {
	uint32_t rel;			/* index in the section's relocations */
	uint32_t stub;			/* index of the stub it goes to */
};

struct stub {
	struct sym *target;
	unsigned type;			/* the jump's relocation type (PC32, PLT32) */
	GElf_Addr off;			/* in the section */
};

enum branch { NOT_BRANCH, CALL, JUMP };

/* Is a relocation of code the displacement of a rel32 call, jmp or jcc
 * whose instruction lies within [START, END)? A pc-relative field at the
 * end of its instruction (addend -4) is preceded by the opcode of a branch
 * (e8, e9, 0f 8x) or by a ModRM byte of RIP-relative addressing (mod 00,
 * r/m 101), which is never e8, e9 or 8x. */
static enum branch branch_at(const struct sec *sec, const struct rel *r, GElf_Addr start, GElf_Addr end)
{
	const unsigned char *d = sec->data;

	if (!d || !is_pcrel(r->type) || r->addend != -4 || r->off + 4 > end || r->off < start + 1)
		return NOT_BRANCH;
	if (d[r->off - 1] == 0xe8)
		return CALL;
	if (d[r->off - 1] == 0xe9)
		return JUMP;
	return r->off >= start + 2 && d[r->off - 2] == 0x0f && (d[r->off - 1] & 0xf0) == 0x80 ? JUMP : NOT_BRANCH;
}

/* Does the code of SYM end up in the patch module without a klp-func of
 * its own? Included functions that are not patched ones, a notrace
 * function another object carries (--via-callers), and a new global
 * function another object of the patch defines (undefined here, neither
 * exported nor in the parent). A .cold part is its parent's own body. */
static bool is_carried_code(struct ctx *c, const struct sym *t)
{
	if (t->type == STT_FUNC && t->sec)
		return t->include && t->sec->include && !is_patched_func(t) && !strstr(t->name, ".cold");
	if (t->sec || t->type == STT_SECTION || t->bind == STB_LOCAL)
		return false;
	if (t->via_callers)
		return true;
	return klp_is_exported(c, t) && !symvers_owner(t->name);
}

static struct synth *synth_named(struct ctx *c, const char *name)
{
	for (size_t i = 0; i < c->nsynths; i++)
		if (!strcmp(c->synths[i].name, name))
			return &c->synths[i];
	return NULL;
}

/* The site list NAME objtool wrote into the object (kept entries or none
 * yet: the stub's may be the first), or NULL when the object has none. */
static void ensure_site_list(struct ctx *c, const char *name)
{
	const struct sec *sec = ht_get(&c->patched.sec_by_name, name, NULL);

	if (sec && !synth_named(c, name))
		synth_new(c, name, sec->sh->sh_type, sec->sh->sh_flags, sec->sh->sh_addralign)->entsize =
			sec->sh->sh_entsize;
}

/* One more entry of an s32 site list (.return_sites, .call_sites): the
 * address F+OFF. */
static void add_site(struct synth *s, struct sym *f, GElf_Addr off)
{
	size_t base = buf_zero(&s->data, 4, 4);

	synth_rel(s, base, R_X86_64_PC32, (GElf_Sxword)off - (GElf_Sxword)f->s->st_value, f);
}

/* The unwind entry for the stubs at STUBS_OFF of F's section, and the
 * section's end terminator moved from OLD_END to NEW_END. */
static void add_unwind(struct ctx *c, struct sym *f, GElf_Addr stubs_off, GElf_Addr old_end, GElf_Addr new_end)
{
	struct synth *ip = synth_named(c, ".orc_unwind_ip"), *orc = synth_named(c, ".orc_unwind");
	const struct rel *entry = NULL;
	GElf_Sxword best = -1;
	size_t n, esz;

	if (!ip || !orc || !ip->data.len || orc->data.len % (ip->data.len / 4))
		return;
	n = ip->data.len / 4;
	esz = orc->data.len / n;
	for (size_t i = 0; i < ip->nrels; i++) {
		struct rel *r = &ip->rels[i];
		GElf_Sxword at;

		if (r->sym->sec != f->sec)
			continue;
		at = rel_sec_off(r);
		if (at == (GElf_Sxword)old_end)
			r->addend = sadd(r->addend, (GElf_Sxword)(new_end - old_end));
		else if (at <= (GElf_Sxword)f->s->st_value && at > best) {
			best = at;
			entry = r;
		}
	}
	if (!entry)
		return;
	/* copied before buf_add may move ORC's bytes */
	unsigned char state[64];
	if (esz > sizeof(state))
		return;
	memcpy(state, orc->data.p + (entry->off / 4) * esz, esz);
	add_site(ip, f, stubs_off);
	buf_add(&orc->data, state, esz);
}

/* How the stubs return: through the return thunk when the object does
 * (THUNK, else NULL: ret). */
static size_t stub_len(const struct sym *thunk)
{
	return CALL_LEN + (thunk ? JMP_LEN : 1) + 1;
}

/* The stubs of F, the last function of its section, for the jumps JUMPS. */
static void add_stubs(struct ctx *c, struct sym *f, struct sym *thunk, struct tail_jump *jumps, size_t njumps,
		      struct stub *stubs, size_t nstubs)
{
	struct sec *sec = f->sec;
	size_t old_end = sec->size, new_end = old_end + nstubs * stub_len(thunk), nrels = sec->rela->nrels;
	unsigned char *data = xcalloc(1, new_end);
	struct rel *rels = xcalloc(nrels + nstubs * 2, sizeof(*rels));
	struct synth *returns, *calls;
	size_t k = 0;
	bool *dropped = xcalloc(nrels, sizeof(bool));

	ensure_site_list(c, ".call_sites");
	if (thunk)
		ensure_site_list(c, ".return_sites");
	/* after both: synth_new moves the synths */
	returns = synth_named(c, ".return_sites");
	calls = synth_named(c, ".call_sites");
	memcpy(data, sec->data, old_end);
	for (size_t i = 0; i < njumps; i++) {
		const struct rel *r = &sec->rela->rels[jumps[i].rel];
		int32_t disp = (int32_t)(stubs[jumps[i].stub].off - (r->off + 4));

		memcpy(data + r->off, &disp, 4);
		dropped[jumps[i].rel] = true;
	}
	for (size_t i = 0; i < nrels; i++)
		if (!dropped[i])
			rels[k++] = sec->rela->rels[i];
	for (size_t i = 0; i < nstubs; i++) {
		unsigned char *p = data + stubs[i].off;

		p[0] = 0xe8;
		rels[k++] = (struct rel){ .off = (uint32_t)(stubs[i].off + 1), .type = stubs[i].type, .addend = -4,
					  .sym = stubs[i].target };
		if (calls)
			add_site(calls, f, stubs[i].off);
		p += CALL_LEN;
		if (thunk) {
			p[0] = 0xe9;
			rels[k++] = (struct rel){ .off = (uint32_t)(stubs[i].off + CALL_LEN + 1), .type = R_X86_64_PLT32,
						  .addend = -4, .sym = thunk };
			if (returns)
				add_site(returns, f, stubs[i].off + CALL_LEN);
			p += JMP_LEN;
		} else {
			*p++ = 0xc3;
		}
		*p = 0xcc;
	}
	add_unwind(c, f, old_end, old_end, new_end);
	free(dropped);
	/* the model now describes the object with the stubs */
	sec_replace_code(&c->patched, sec, data, new_end, rels, (uint32_t)k);
	sym_resize(&c->patched, f, f->s->st_size + new_end - old_end);
}

/* F's tail jumps to carried code, each given a stub (one per target).
 * STUB_OF (by symbol index, 1 + stub) is left all zero again. */
static void cover_function(struct ctx *c, struct sym *f, struct sym *thunk, uint32_t *stub_of)
{
	struct sec *sec = f->sec;
	GElf_Addr start = f->s->st_value, end = start + f->s->st_size;
	struct tail_jump *jumps = NULL;
	struct stub *stubs = NULL;
	size_t njumps = 0, nstubs = 0;

	if (!sec->rela || !sec->data)
		return;
	for (uint32_t i = 0; i < sec->rela->nrels; i++) {
		struct rel *r = &sec->rela->rels[i];

		if (branch_at(sec, r, start, end) != JUMP || !is_carried_code(c, r->sym))
			continue;
		if (end != sec->size || end > UINT32_MAX - 4096) {
			note("%s jumps to %s, which the patch module carries, but does not end its section %s: "
			     "disabling the patch will not wait for a task in %s",
			     f->name, r->sym->name, sec->name, r->sym->name);
			continue;
		}
		if (!stub_of[r->sym->idx]) {
			stubs = xgrow(stubs, nstubs, sizeof(*stubs));
			stubs[nstubs] = (struct stub){ r->sym, r->type, end + nstubs * stub_len(thunk) };
			stub_of[r->sym->idx] = (uint32_t)++nstubs;
		}
		jumps = xgrow(jumps, njumps, sizeof(*jumps));
		jumps[njumps++] = (struct tail_jump){ i, stub_of[r->sym->idx] - 1 };
		debug("%s: tail call to %s at +0x%x goes through a stub", f->name, r->sym->name,
		      (unsigned)(r->off - start));
	}
	for (size_t i = 0; i < nstubs; i++)
		stub_of[stubs[i].target->idx] = 0;
	if (nstubs)
		add_stubs(c, f, thunk, jumps, njumps, stubs, nstubs);
	free(jumps);
	free(stubs);
}

/* The patch's metadata names its own callbacks; they run from livepatch
 * itself, which the module's removal waits for. */
static bool is_metadata(const struct sec *sec)
{
	return !strncmp(sec->name, ".livepatch.", 11) || !strncmp(sec->name, ".kpatch.", 8);
}

/* Carried code whose address the patch's code or data takes (not a call or
 * jump) may be called later by the kernel, with no patched function below
 * it on the stack: a callback, a timer or work function, an RCU callback.
 * No transition can wait for that; the engineer is told, once per function. */
void note_taken_addresses(struct ctx *c)
{
	bool *told = xcalloc(c->patched.nsyms, sizeof(bool));

	for_each_sec(&c->patched, sec) {
		if (!sec->include || is_metadata(sec) || is_special(sec))
			continue;
		for_each_rel(sec, r) {
			struct sym *t = r->sym, *user;

			/* a function's start; a label inside one (a function's own
			 * _THIS_IP_, a jump table) is no callable address */
			if (told[t->idx] || t->sec == sec || sadd(r->addend, is_pcrel(r->type) ? 4 : 0) != 0 ||
			    !is_carried_code(c, t) ||
			    ((sec->sh->sh_flags & SHF_EXECINSTR) && branch_at(sec, r, 0, sec->size) != NOT_BRANCH))
				continue;
			told[t->idx] = true;
			user = sym_at(sec, r->off);
			note("%s takes the address of %s, which only the patch module has: if the kernel calls it "
			     "later (a callback, a timer, work or RCU function), disable and remove the patch only "
			     "when no such call can be pending",
			     user ? user->name : sec->name, t->name);
		}
	}
	free(told);
}

void cover_tail_calls(struct ctx *c)
{
	uint32_t *stub_of = xcalloc(c->patched.nsyms, sizeof(uint32_t));
	struct sym *thunk = ht_get(&c->patched.sym_by_name, "__x86_return_thunk", NULL);

	for (size_t i = 0; i < c->nfuncs; i++)
		cover_function(c, c->funcs[i], thunk, stub_of);
	free(stub_of);
}
