/* Line-number-only changes in code. Lines moved by an edit elsewhere in a
 * file change every __LINE__ below it: might_sleep() passes it to
 * __might_sleep(__FILE__, __LINE__), btrfs_abort_transaction() to
 * __btrfs_abort_transaction(trans, __func__, __LINE__, errno), and so on.
 * Such a function has not changed. It is recognised exactly: every
 * differing instruction is a `mov $imm32, %reg` whose immediate alone
 * differs, and the next call (or tail-call jmp) after it, reached through
 * plain instructions that leave %reg alone, goes (by its relocation) to a
 * helper of the table below whose line argument is %reg. */
#include "cdo.h"
#include "line-only.h"
#include "x86-insn.h"
#include <stdlib.h>
#include <string.h>

/* x86-64 argument registers by number (insn_dest_reg's numbering) */
enum { ARG1 = 7 /* rdi */, ARG2 = 6 /* rsi */, ARG3 = 2 /* rdx */, ARG4 = 1 /* rcx */, ARG5 = 8, ARG6 = 9 };

/* Helpers that take a line number, and the argument that holds it.
 * To add one: a row with its name and the position of its `line`
 * parameter (ARG1..ARG6, as in the kernel's prototype; a helper whose
 * prototype differs between kernel versions gets the version that counts
 * and a note), plus a unit case (test/unit/cases/line-*) calling it. Only
 * helpers whose argument is a line number and nothing else belong here:
 * printk-style functions (_printk, __warn_printk, __dynamic_pr_debug) do
 * not, a changed number printed by them is a change of output. */
static const struct line_helper {
	const char *name;
	int reg;
} line_helpers[] = {
	/* include/linux/kernel.h, sched.h: might_sleep(), might_resched(), cant_sleep() */
	{ "__might_sleep",		ARG2 },	/* (file, line[, preempt_offset]) */
	{ "___might_sleep",		ARG2 },	/* (file, line, preempt_offset): before 5.15 */
	{ "__might_resched",		ARG2 },	/* (file, line, offsets) */
	{ "__might_fault",		ARG2 },	/* (file, line) */
	{ "__cant_sleep",		ARG2 },	/* (file, line, preempt_offset) */
	{ "__cant_migrate",		ARG2 },	/* (file, line) */
	/* RCU_LOCKDEP_WARN(), rcu_dereference_check() */
	{ "lockdep_rcu_suspicious",	ARG2 },	/* (file, line, s) */
	/* WARN() on kernels without __WARN_FLAGS (before 4.11, other arches' style) */
	{ "warn_slowpath_fmt",		ARG2 },	/* (file, line, [taint,] fmt, ...) */
	{ "warn_slowpath_fmt_taint",	ARG2 },	/* (file, line, taint, fmt, ...) */
	{ "warn_slowpath_null",		ARG2 },	/* (file, line) */
	/* fs/btrfs: 4.8 and later (earlier ones took a root before function) */
	{ "__btrfs_abort_transaction",	ARG3 },	/* (trans, function, line, errno[, first_hit]) */
	{ "__btrfs_handle_fs_error",	ARG3 },	/* (fs_info, function, line, errno, fmt, ...) */
	{ "__btrfs_panic",		ARG3 },	/* (fs_info, function, line, errno, fmt, ...) */
	/* fs/ext4 */
	{ "__ext4_error",		ARG3 },	/* (sb, function, line, ...) */
	{ "__ext4_error_inode",		ARG3 },	/* (inode, function, line, block, ...) */
	{ "__ext4_error_file",		ARG3 },	/* (file, function, line, block, fmt, ...) */
	{ "__ext4_std_error",		ARG3 },	/* (sb, function, line, errno) */
	{ "__ext4_warning",		ARG3 },	/* (sb, function, line, fmt, ...) */
	{ "__ext4_warning_inode",	ARG3 },	/* (inode, function, line, fmt, ...) */
	{ "__ext4_grp_locked_error",	ARG2 },	/* (function, line, sb, grp, ...) */
	{ "__ext4_journal_stop",	ARG2 },	/* (where, line, handle) */
};

#define NHELPERS (sizeof(line_helpers) / sizeof(line_helpers[0]))

/* Instructions between the mov and the call: argument set-up is short. */
#define MAX_SETUP_INSNS 16
/* Immediates outside (0, 2^20) are no line numbers (a pointer, a flag). */
#define MAX_LINE 0x100000

static struct ht helper_by_name;

void line_only_init(void)
{
	ht_init_items(&helper_by_name, line_helpers, sizeof(line_helpers[0]),
		      offsetof(struct line_helper, name), NHELPERS);
	for (size_t i = 0; i < NHELPERS; i++)
		ht_put_item(&helper_by_name, i);
}

void line_only_done(void)
{
	ht_free(&helper_by_name);
}

/* Relocations of the section by offset, for the call sites. */
struct rel_index {
	struct rel **by_off;
	size_t n;
};

static int cmp_rel_off(const void *a, const void *b)
{
	const struct rel *x = *(struct rel *const *)a, *y = *(struct rel *const *)b;

	return (x->off > y->off) - (x->off < y->off);
}

static void rel_index_build(struct rel_index *ix, const struct sec *sec)
{
	ix->n = sec->rela ? sec->rela->nrels : 0;
	ix->by_off = xcalloc(ix->n ? ix->n : 1, sizeof(*ix->by_off));
	for (size_t i = 0; i < ix->n; i++)
		ix->by_off[i] = &sec->rela->rels[i];
	qsort(ix->by_off, ix->n, sizeof(*ix->by_off), cmp_rel_off);
}

/* First relocation at or after OFF, or NULL. */
static const struct rel *rel_from(const struct rel_index *ix, size_t off)
{
	size_t lo = 0, hi = ix->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ix->by_off[mid]->off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->n ? ix->by_off[lo] : NULL;
}

static uint32_t imm32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The register a `mov $imm32, %reg` writes (b8+r, or c7 /0 on a
 * register), or -1 for any other instruction. */
static int mov_imm32_reg(const struct insn *in)
{
	if (in->map != 1 || in->imm_len != 4)
		return -1;
	if (in->op >= 0xb8 && in->op <= 0xbf && !(in->rex & 8))
		return (in->op & 7) | ((in->rex & 1) << 3);
	if (in->op == 0xc7 && (in->modrm >> 3 & 7) == 0 && (in->modrm >> 6) == 3)
		return (in->modrm & 7) | ((in->rex & 1) << 3);
	return -1;
}

/* Does %REG, set at END, reach a call of a helper whose line argument is
 * %REG, unchanged? CODE is the section's bytes, up to LIMIT (the end of
 * the function). */
static bool reaches_helper(const unsigned char *code, size_t end, size_t limit, int reg,
			   const struct rel_index *ix)
{
	size_t at = end;

	for (int n = 0; n < MAX_SETUP_INSNS && at < limit; n++) {
		struct insn in = insn_decode(code + at, limit - at);

		if (!in.len)
			return false;
		if (in.map == 1 && (in.op == 0xe8 || in.op == 0xe9)) {	/* call, jmp rel32 */
			const struct rel *r = rel_from(ix, at + 1);
			const struct line_helper *h;

			if (!r || r->off != at + 1 || !is_pcrel(r->type) || r->addend != -4)
				return false;
			h = ht_get(&helper_by_name, r->sym->name, NULL);
			return h && h->reg == reg && (!r->sym->sec || r->sym->type == STT_FUNC);
		}
		/* any other instruction must be one we know, and leave %reg alone */
		if (insn_dest_reg(&in) != INSN_WRITES_NONE && insn_dest_reg(&in) != INSN_WRITES_UNKNOWN &&
		    insn_dest_reg(&in) != reg) {
			at += in.len;
			continue;
		}
		if (insn_dest_reg(&in) != INSN_WRITES_NONE)
			return false;
		at += in.len;
	}
	return false;
}

/* Walk one function of PS/OS from START to END; add to *EXPLAINED the
 * differing bytes that are line numbers. False at a differing instruction
 * that is not a line number. */
static bool function_line_only(const struct sec *ps, const struct sec *os, size_t start, size_t end,
			       const struct rel_index *ix, size_t *explained)
{
	size_t at = start;

	while (at < end) {
		struct insn in = insn_decode(ps->data + at, end - at);
		size_t imm, ndiff = 0;
		uint32_t pv, ov;
		const struct rel *r;
		int reg;

		if (!in.len)
			/* the rest is undecodable: fine when it is identical */
			return !memcmp(ps->data + at, os->data + at, end - at);
		for (size_t k = 0; k < in.len; k++)
			ndiff += ps->data[at + k] != os->data[at + k];
		if (!ndiff) {
			at += in.len;
			continue;
		}
		reg = mov_imm32_reg(&in);
		imm = at + in.imm_off;
		if (reg < 0 || memcmp(ps->data + at, os->data + at, in.imm_off))
			return false;
		pv = imm32(ps->data + imm);
		ov = imm32(os->data + imm);
		if (!pv || !ov || pv >= MAX_LINE || ov >= MAX_LINE)
			return false;
		/* a relocated immediate is an address, not a number */
		r = rel_from(ix, at);
		if (r && r->off < at + in.len)
			return false;
		if (!reaches_helper(ps->data, at + in.len, end, reg, ix) ||
		    !reaches_helper(os->data, at + in.len, end, reg, ix))
			return false;
		*explained += ndiff;
		at += in.len;
	}
	return true;
}

bool line_only_diff(const struct sec *ps, const struct sec *os)
{
	struct rel_index ix;
	size_t ndiff = 0, explained = 0, next = 0;
	bool ok = true;

	if (ps->size != os->size || !ps->data || !os->data || !is_text(ps))
		return false;
	for (size_t i = 0; i < ps->size; i++)
		ndiff += ps->data[i] != os->data[i];
	rel_index_build(&ix, ps);
	for (size_t i = 0; ok && i < ps->nsyms; i++) {
		const struct sym *f = ps->syms[i];
		size_t start = f->s->st_value, end = start + f->s->st_size;

		/* aliases (.localalias) and overlaps are walked once */
		if (f->type != STT_FUNC || start < next || end > ps->size || end <= start)
			continue;
		ok = function_line_only(ps, os, start, end, &ix, &explained);
		next = end;
	}
	free(ix.by_off);
	return ok && explained == ndiff;
}
