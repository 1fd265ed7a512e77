/* Entry sizes of special sections. Kernels of the last ten years laid some
 * of these arrays out differently (absolute or relative pointers, an extra
 * byte, no tail padding after the last entry); the relocations of each
 * entry tell the layouts apart. One table lists the known layouts; a size
 * that is given (environment, sh_entsize) is checked against the section
 * the same way, so a table is never sliced with a wrong size. */
#include "entsize.h"
#include "cdo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct field { uint32_t off, type; };

struct layout {
	const char *sec;
	size_t size;
	bool short_last;		/* the last entry may lack its tail padding */
	size_t nf;
	struct field f[3];		/* relocated fields of one entry, by offset */
};

#define PC32 R_X86_64_PC32
#define PC64 R_X86_64_PC64
#define ABS64 R_X86_64_64

/* struct jump_entry, alt_instr, paravirt_patch_site, bug_entry,
 * exception_table_entry, static_call_site as x86_64 kernels from 3.10 to
 * 6.12 define them. */
static const struct layout layouts[] = {
	{ "__jump_table",	16, false, 3, { { 0, PC32 }, { 4, PC32 }, { 8, PC64 } } },
	{ "__jump_table",	24, false, 3, { { 0, ABS64 }, { 8, ABS64 }, { 16, ABS64 } } },
	{ ".altinstructions",	12, false, 2, { { 0, PC32 }, { 4, PC32 } } },
	{ ".altinstructions",	13, false, 2, { { 0, PC32 }, { 4, PC32 } } },
	{ ".altinstructions",	14, false, 2, { { 0, PC32 }, { 4, PC32 } } },	/* 6.3+: u32 ft_flags */
	{ ".parainstructions",	16, true,  1, { { 0, ABS64 } } },
	{ "__bug_table",	12, false, 2, { { 0, PC32 }, { 4, PC32 } } },
	{ "__bug_table",	 8, false, 1, { { 0, PC32 } } },
	{ "__bug_table",	24, false, 2, { { 0, ABS64 }, { 8, ABS64 } } },
	{ "__ex_table",		12, false, 2, { { 0, PC32 }, { 4, PC32 } } },
	{ "__ex_table",		12, false, 3, { { 0, PC32 }, { 4, PC32 }, { 8, PC32 } } },
	{ "__ex_table",		 8, false, 2, { { 0, PC32 }, { 4, PC32 } } },
	{ ".static_call_sites",	 8, false, 2, { { 0, PC32 }, { 4, PC32 } } },
};
#define NLAYOUTS (sizeof(layouts) / sizeof(layouts[0]))

static size_t width(uint32_t type)
{
	return type == ABS64 || type == PC64 ? 8 : 4;
}

/* Entries of SIZE bytes in SEC: the count, or 0 when SIZE does not cut it
 * (a short last entry must still hold every relocated field). */
static size_t count_entries(const struct sec *sec, size_t size, bool short_last, size_t need)
{
	size_t n = sec->size / size, rem = sec->size % size;

	if (!rem)
		return n;
	return short_last && rem >= need ? n + 1 : 0;
}

/* Every entry of SEC holds exactly the relocated fields of L. */
static bool fits(const struct layout *l, const struct sec *sec, const struct rel *rels, size_t nrels)
{
	const struct field *last = &l->f[l->nf - 1];
	size_t n = count_entries(sec, l->size, l->short_last, last->off + width(last->type));

	if (!n || nrels != n * l->nf)
		return false;
	for (size_t i = 0; i < nrels; i++) {
		const struct field *f = &l->f[i % l->nf];

		if (rels[i].off != (i / l->nf) * l->size + f->off || rels[i].type != f->type)
			return false;
	}
	return true;
}

/* Every entry of SIZE bytes holds the relocations the first one holds, at
 * the same offsets and of the same types. */
static bool periodic(const struct sec *sec, size_t size, bool short_last, const struct rel *rels, size_t nrels)
{
	size_t per = 0, n;

	while (per < nrels && rels[per].off < size)
		per++;
	n = count_entries(sec, size, short_last,
			  per ? rels[per - 1].off + width(rels[per - 1].type) : 0);
	if (!n)
		return false;
	if (!per)
		return !nrels;
	for (size_t i = per; i < nrels; i++) {
		const struct rel *first = &rels[i % per];

		if (rels[i].off != (i / per) * size + first->off || rels[i].type != first->type)
			return false;
	}
	return nrels == n * per;
}

/* The known layout SEC's relocations fit, or NULL; DEFSIZE breaks a tie. */
static const struct layout *derive(const struct sec *sec, size_t defsize, const struct rel *rels, size_t nrels,
				   bool *known)
{
	const struct layout *found = NULL;

	*known = false;
	for (size_t i = 0; i < NLAYOUTS; i++) {
		const struct layout *l = &layouts[i];

		if (strcmp(l->sec, sec->name))
			continue;
		*known = true;
		if (!fits(l, sec, rels, nrels))
			continue;
		if (!found || (found->size != l->size && l->size == defsize))
			found = l;
	}
	return found;
}

static void sizes_of(const char *name, char *out, size_t len)
{
	size_t used = 0;

	out[0] = 0;
	for (size_t i = 0; i < NLAYOUTS && used < len; i++)
		if (!strcmp(layouts[i].sec, name) && (!i || strcmp(layouts[i - 1].sec, name) ||
						     layouts[i - 1].size != layouts[i].size))
			used += (size_t)snprintf(out + used, len - used, "%s%zu", used ? ", " : "", layouts[i].size);
}

struct entsize entsize_of(const struct sec *sec, const char *env, size_t defsize)
{
	const char *given = env ? getenv(env) : NULL;
	char what[64];
	const struct rel *rels = sec->rela ? sec->rela->rels : NULL;
	size_t nrels = sec->rela ? sec->rela->nrels : 0, size = 0;
	const struct layout *l;
	bool known;
	char names[64];

	for (size_t i = 1; i < nrels; i++)
		if (rels[i].off < rels[i - 1].off)
			die(EXIT_ERROR, "%s: relocations not sorted by offset", sec->name);
	if (given && *given) {
		char *end;
		unsigned long v = strtoul(given, &end, 0);

		if (*end || !v)
			die(EXIT_ERROR, "%s=%s: not a positive entry size", env, given);
		size = v;
		snprintf(what, sizeof(what), "%s=%s", env, given);
	} else if (sec->sh->sh_entsize) {
		size = sec->sh->sh_entsize;
		snprintf(what, sizeof(what), "its sh_entsize %zu", size);
	}
	l = derive(sec, size ? size : defsize, rels, nrels, &known);
	if (size) {
		bool short_last = l && l->short_last;

		if (l && l->size != size)
			die(EXIT_ERROR, "%s: %s contradicts the section: %zu-byte entries, but its relocations fit %zu-byte entries",
			    sec->name, what, size, l->size);
		if (!l && !periodic(sec, size, short_last, rels, nrels))
			die(EXIT_ERROR, "%s: %s contradicts the section: %zu-byte entries, but the section (%zu bytes) %s",
			    sec->name, what, size, sec->size,
			    count_entries(sec, size, short_last, 0) ? "has relocations that do not repeat with it"
								    : "is not a multiple of it");
		return (struct entsize){ size, short_last };
	}
	if (l) {
		if (l->size != defsize)
			debug("%s: %zu-byte entries (from the relocations)", sec->name, l->size);
		return (struct entsize){ l->size, l->short_last };
	}
	/* an unknown layout: the default, if every entry looks alike */
	if (!periodic(sec, defsize, false, rels, nrels)) {
		if (known)
			sizes_of(sec->name, names, sizeof(names));
		die(EXIT_ERROR, "%s: the section (%zu bytes) fits %s%s%s; set %s", sec->name, sec->size,
		    known ? "none of the known entry layouts (" : "no ", known ? names : "", known ? " bytes)" : "entries of the default size",
		    env ? env : "the entry size");
	}
	if (known)
		debug("%s: no known entry layout fits; %zu-byte entries look alike", sec->name, defsize);
	return (struct entsize){ defsize, false };
}
