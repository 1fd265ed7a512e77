/* Special entries whose key is defined in the module being patched. The
 * kernel reads a patch module's __jump_table and .static_call_sites when it
 * loads it, before its livepatch relocations to that module are applied,
 * so such a key cannot be resolved there (special.c refuses jump labels on
 * them), and a static call site would even be rewritten under a livepatch
 * relocation still to come.
 *
 * A static call site entry only lets the kernel turn `call trampoline` into
 * a direct call: without it the call goes through the module's trampoline,
 * which always jumps to the current target. Its entry is dropped.
 *
 * A jump label on a module's tracepoint: its disabled state is
 * also checked on the slow path (__DO_TRACE_CALL calls nothing while the
 * tracepoint has no probes), so the site can be set once to its enabled
 * state and its __jump_table entry dropped. The patched function then
 * always takes the tracing path: a little slower, the same behaviour, and
 * its events are still traced when the tracepoint is enabled. */
#include "cdo.h"
#include "moved.h"
#include <string.h>

#define TRACEPOINT_PREFIX "__tracepoint_"
#define TRACEPOINT_KEY_OFFSET 8		/* struct tracepoint: name, then key */

static const unsigned char nop5[] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 }, nop2[] = { 0x66, 0x90 };

/* SYM+ADDEND as a section and an offset in it. */
static bool place_of(const struct sym *sym, GElf_Sxword addend, struct sec **sec, GElf_Sxword *off)
{
	if (!sym->sec)
		return false;
	*sec = sym->sec;
	*off = sadd(addend, sym->type == STT_SECTION ? 0 : (GElf_Sxword)sym->s->st_value);
	return *off >= 0 && (GElf_Xword)*off <= sym->sec->size;
}

/* Length of the jump or NOP at OFF of SEC that a jump label site holds. */
static unsigned site_length(const struct sec *sec, GElf_Sxword off)
{
	const unsigned char *p = sec->data + off;
	size_t left = sec->size - (size_t)off;

	if (left >= 5 && (p[0] == 0xe9 || !memcmp(p, nop5, 5)))
		return 5;
	if (left >= 2 && (p[0] == 0xeb || !memcmp(p, nop2, 2)))
		return 2;
	return 0;
}

static const struct rel *rel_at(const struct rel *rels, size_t first, size_t last, GElf_Addr off)
{
	for (size_t k = first; k < last; k++)
		if (rels[k].off == off)
			return &rels[k];
	return NULL;
}

bool module_static_call_site(struct ctx *c, const struct rel *rels, size_t first, size_t last, size_t start)
{
	const struct rel *key = rel_at(rels, first, last, start + 4);	/* struct static_call_site: addr, key */

	if (c->parent_is_vmlinux || !key || (key->sym->sec && key->sym->include) || klp_is_exported(c, key->sym))
		return false;
	debug("static call site on %s (a key of the module): called through its trampoline", key->sym->name);
	return true;
}

bool module_tracepoint_site(struct ctx *c, const struct rel *rels, size_t first, size_t last, size_t start,
			    size_t esz)
{
	const struct rel *code, *target, *key;
	struct sec *sec, *tsec;
	GElf_Sxword off, toff;
	struct site_rewrite *w;
	size_t n;
	unsigned len;

	if (c->parent_is_vmlinux)
		return false;
	code = rel_at(rels, first, last, start);
	target = rel_at(rels, first, last, start + (esz == 16 ? 4 : 8));
	key = rel_at(rels, first, last, start + esz - 8);
	if (!code || !target || !key || strncmp(key->sym->name, TRACEPOINT_PREFIX, strlen(TRACEPOINT_PREFIX)) ||
	    (key->sym->sec && key->sym->include) || klp_is_exported(c, key->sym) ||
	    (key->addend & ~(GElf_Sxword)3) != TRACEPOINT_KEY_OFFSET)
		return false;
	if (!place_of(code->sym, code->addend, &sec, &off) || !sec->data ||
	    !place_of(target->sym, target->addend, &tsec, &toff))
		die(EXIT_ERROR, "%s: jump label on %s points outside its sections", code->sym->name, key->sym->name);
	len = site_length(sec, off);
	rels_in(sec, (GElf_Xword)off, (GElf_Xword)off + len, &n);
	if (!len || n)
		die(EXIT_REFUSED, "%s+0x%lx: jump label site on %s is neither a jump nor a NOP of 2 or 5 bytes",
		    sec->name, (unsigned long)off, key->sym->name);
	if (len == 2 && (tsec != sec || toff - (off + 2) < -128 || toff - (off + 2) > 127))
		die(EXIT_REFUSED, "%s+0x%lx: 2-byte jump label site on %s cannot reach its target %s+0x%lx",
		    sec->name, (unsigned long)off, key->sym->name, tsec->name, (unsigned long)toff);
	/* the jump's target (a cold part, say) comes along as the entry's would */
	if (tsec != sec)
		include_sec(tsec);
	c->rewrites = xgrow(c->rewrites, c->nrewrites, sizeof(*c->rewrites));
	w = &c->rewrites[c->nrewrites++];
	/* enabled: the entry's type is the key's state XOR its branch bit */
	*w = (struct site_rewrite){ .sec = sec, .off = (GElf_Addr)off, .len = len, .jump = !(key->addend & 1),
				    .target = target->sym, .target_addend = target->addend };
	debug("%s+0x%lx: jump label on module tracepoint %s set to %s", sec->name, (unsigned long)off,
	      key->sym->name, w->jump ? "jump" : "NOP");
	return true;
}

bool site_bytes(const struct site_rewrite *w, unsigned char *p)
{
	struct sec *tsec = NULL;
	GElf_Sxword toff = 0;
	int32_t d;

	if (!w->jump) {
		memcpy(p, w->len == 5 ? nop5 : nop2, w->len);
		return false;
	}
	place_of(w->target, w->target_addend, &tsec, &toff);	/* checked when recorded */
	if (w->len == 2) {
		p[0] = 0xeb;
		p[1] = (unsigned char)(signed char)(toff - (GElf_Sxword)(w->off + 2));
		return false;
	}
	p[0] = 0xe9;
	if (tsec != w->sec) {
		memset(p + 1, 0, 4);
		return true;
	}
	d = (int32_t)(toff - (GElf_Sxword)(w->off + 5));
	memcpy(p + 1, &d, 4);
	return false;
}
