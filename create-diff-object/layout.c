/* Struct layouts. A patch compiled with a struct, union or typedef'd
 * aggregate laid out differently from the running kernel's would read and
 * write the instances that already exist with the new layout: a member
 * added, removed, moved or resized is a refusal, named with the member.
 * Compared on the DWARF of both objects (libdwfl applies the relocations an
 * ET_REL object's .debug_info needs); objects without DWARF are not
 * checked. Member names, offsets, sizes and bit-fields count (two members
 * of one size swapped, or a reserved field put to a new use, changes what
 * existing instances mean), and so do the members of anonymous nested
 * aggregates. Named aggregates nested in a member are checked on their own. */
#include "cdo.h"
#include "hash.h"
#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper anonymous nesting than this is not described (a hostile DWARF
 * could make a type its own member). */
#define MAX_NEST 16

struct agg {
	char *key;			/* "struct foo", "union bar", "typedef baz_t" */
	char *sig;			/* its layout, comparable with strcmp */
	Dwarf_Die die;
};

struct side {
	Dwfl *dwfl;
	struct agg *aggs;
	size_t n;
	struct ht by_key;
};

/* File scope, so that a refusal's exit leaves them reachable. */
static struct side sides[2];

static int no_separate_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
				 const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
				 char **debuginfo_file_name)
{
	(void)mod, (void)userdata, (void)modname, (void)base, (void)file_name, (void)debuglink_file;
	(void)debuglink_crc, (void)debuginfo_file_name;
	return -1;
}

static const Dwfl_Callbacks callbacks = {
	.find_debuginfo = no_separate_debuginfo,
	.section_address = dwfl_offline_section_address,
};

__attribute__((format(printf, 2, 3)))
static void sig_add(struct buf *b, const char *fmt, ...)
{
	char tmp[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	buf_add(b, tmp, n < 0 ? 0 : (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

static long long attr_u(Dwarf_Die *d, unsigned name, long long dflt)
{
	Dwarf_Attribute a;
	Dwarf_Word v;

	if (!dwarf_attr_integrate(d, name, &a) || dwarf_formudata(&a, &v))
		return dflt;
	return (long long)v;
}

static bool is_agg_tag(int tag)
{
	return tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
}

/* The member's type without typedefs and qualifiers. */
static bool member_type(Dwarf_Die *m, Dwarf_Die *type)
{
	Dwarf_Attribute a;
	Dwarf_Die t;

	return dwarf_attr_integrate(m, DW_AT_type, &a) && dwarf_formref_die(&a, &t) && dwarf_peel_type(&t, type) == 0;
}

static long long member_size(Dwarf_Die *m)
{
	Dwarf_Attribute a;
	Dwarf_Die t;
	Dwarf_Word size;

	if (!dwarf_attr_integrate(m, DW_AT_type, &a) || !dwarf_formref_die(&a, &t) || dwarf_aggregate_size(&t, &size))
		return -1;
	return (long long)size;
}

/* Where a member starts, in bits (bit-fields by either DWARF spelling). */
static long long member_bit_off(Dwarf_Die *m)
{
	long long byte = attr_u(m, DW_AT_data_member_location, 0);

	if (dwarf_hasattr(m, DW_AT_data_bit_offset))
		return attr_u(m, DW_AT_data_bit_offset, 0);
	return byte * 8 + attr_u(m, DW_AT_bit_offset, 0);
}

static void layout_sig(struct buf *b, Dwarf_Die *agg, int depth)
{
	Dwarf_Die m, t;

	sig_add(b, "%c%lld{", dwarf_tag(agg) == DW_TAG_union_type ? 'u' : 's', attr_u(agg, DW_AT_byte_size, -1));
	if (depth < MAX_NEST && dwarf_child(agg, &m) == 0) {
		do {
			if (dwarf_tag(&m) != DW_TAG_member)
				continue;
			sig_add(b, "%s@%lld:%lld:%lld", dwarf_diename(&m) ? dwarf_diename(&m) : "", member_bit_off(&m),
				attr_u(&m, DW_AT_bit_size, 0), member_size(&m));
			if (member_type(&m, &t) && is_agg_tag(dwarf_tag(&t)) && !dwarf_hasattr(&t, DW_AT_name))
				layout_sig(b, &t, depth + 1);
			sig_add(b, ",");
		} while (dwarf_siblingof(&m, &m) == 0);
	}
	sig_add(b, "}");
}

/* The aggregate DIE at the CU's top level names, or NULL: a defined,
 * sized struct or union with a name, or a typedef of an anonymous one. */
static const char *agg_key(Dwarf_Die *d, Dwarf_Die *agg, char *key, size_t len)
{
	int tag = dwarf_tag(d);
	const char *name = dwarf_diename(d);
	Dwarf_Attribute a;

	if (!name)
		return NULL;
	if (is_agg_tag(tag)) {
		*agg = *d;
		snprintf(key, len, "%s %s", tag == DW_TAG_union_type ? "union" : "struct", name);
	} else if (tag == DW_TAG_typedef) {
		if (!dwarf_attr_integrate(d, DW_AT_type, &a) || !dwarf_formref_die(&a, agg) ||
		    !is_agg_tag(dwarf_tag(agg)) || dwarf_hasattr(agg, DW_AT_name))
			return NULL;
		snprintf(key, len, "typedef %s", name);
	} else {
		return NULL;
	}
	if (dwarf_hasattr(agg, DW_AT_declaration) || !dwarf_hasattr(agg, DW_AT_byte_size))
		return NULL;
	return key;
}

static void add_agg(struct side *s, const char *key, Dwarf_Die *die)
{
	struct buf b = { 0 };
	struct agg *a;

	layout_sig(&b, die, 0);
	buf_add(&b, "", 1);
	s->aggs = xgrow(s->aggs, s->n, sizeof(*s->aggs));
	a = &s->aggs[s->n++];
	*a = (struct agg){ .key = xstrdup(key), .sig = (char *)b.p, .die = *die };
}

/* Reads PATH's aggregates; false when it has no DWARF (not checked). */
static bool load_side(struct side *s, const char *path)
{
	Dwfl_Module *mod;
	Dwarf_Die *cu = NULL, d, agg;
	Dwarf_Addr bias;
	char key[512];

	s->dwfl = dwfl_begin(&callbacks);
	if (!s->dwfl)
		die(EXIT_ERROR, "libdwfl: %s", dwfl_errmsg(-1));
	mod = dwfl_report_offline(s->dwfl, "obj", path, -1);
	if (!mod || dwfl_report_end(s->dwfl, NULL, NULL) || !dwfl_module_getdwarf(mod, &bias)) {
		debug("%s: no DWARF (%s): struct layouts not checked", path, dwfl_errmsg(-1));
		return false;
	}
	while ((cu = dwfl_module_nextcu(mod, cu, &bias))) {
		if (dwarf_child(cu, &d) != 0)
			continue;
		do {
			if (agg_key(&d, &agg, key, sizeof(key)))
				add_agg(s, key, &agg);
		} while (dwarf_siblingof(&d, &d) == 0);
	}
	debug("%s: %zu aggregates in its DWARF", path, s->n);
	ht_init(&s->by_key, s->n);
	for (size_t i = 0; i < s->n; i++)
		ht_put(&s->by_key, s->aggs[i].key, &s->aggs[i]);
	return true;
}

/* The members of AGG in order, up to MAX. */
static size_t members(Dwarf_Die *agg, Dwarf_Die *out, size_t max)
{
	Dwarf_Die m;
	size_t n = 0;

	if (dwarf_child(agg, &m) != 0)
		return 0;
	do
		if (dwarf_tag(&m) == DW_TAG_member && n < max)
			out[n++] = m;
	while (dwarf_siblingof(&m, &m) == 0);
	return n;
}

static const char *mname(Dwarf_Die *m)
{
	const char *s = dwarf_diename(m);

	return s ? s : "(anonymous)";
}

/* Index of the member called NAME in M[0..N), or N. Only a refusal's
 * message looks members up, once or twice. */
static size_t find_member(Dwarf_Die *m, size_t n, const char *name)
{
	size_t i = 0;

	while (i < n && strcmp(mname(&m[i]), name))
		i++;
	return i;
}

/* The first difference between the two layouts, in words: members are
 * walked side by side; where the names differ, the patched one is new,
 * or the original one is gone, or it moved. */
static void describe(struct agg *o, struct agg *p, char *out, size_t len)
{
	enum { MAX = 4096 };
	static Dwarf_Die om[MAX], pm[MAX];
	long long osz = attr_u(&o->die, DW_AT_byte_size, -1), psz = attr_u(&p->die, DW_AT_byte_size, -1);
	size_t on = members(&o->die, om, MAX), pn = members(&p->die, pm, MAX), i;
	int n = osz != psz ? snprintf(out, len, "size %lld -> %lld bytes, ", osz, psz) : 0;

	out += n, len -= (size_t)n;
	for (i = 0; i < on && i < pn; i++) {
		Dwarf_Die *a = &om[i], *b = &pm[i];
		size_t j;

		if (strcmp(mname(a), mname(b))) {
			if (find_member(om, on, mname(b)) == on)
				snprintf(out, len, "member %s added at offset %lld", mname(b), member_bit_off(b) / 8);
			else if ((j = find_member(pm, pn, mname(a))) == pn)
				snprintf(out, len, "member %s removed", mname(a));
			else
				snprintf(out, len, "member %s moved from offset %lld to %lld", mname(a),
					 member_bit_off(a) / 8, member_bit_off(&pm[j]) / 8);
			return;
		}
		if (member_bit_off(a) != member_bit_off(b)) {
			snprintf(out, len, "member %s moved from offset %lld to %lld", mname(a), member_bit_off(a) / 8,
				 member_bit_off(b) / 8);
			return;
		}
		if (member_size(a) != member_size(b) || attr_u(a, DW_AT_bit_size, 0) != attr_u(b, DW_AT_bit_size, 0)) {
			snprintf(out, len, "member %s changed size (%lld -> %lld bytes)", mname(a), member_size(a),
				 member_size(b));
			return;
		}
	}
	if (i < pn)
		snprintf(out, len, "member %s added at offset %lld", mname(&pm[i]), member_bit_off(&pm[i]) / 8);
	else if (i < on)
		snprintf(out, len, "member %s removed", mname(&om[i]));
	else
		snprintf(out, len, "members of a nested anonymous struct or union changed");
}

static bool allowed(const struct ctx *c, const char *key)
{
	const char *bare = strchr(key, ' ') + 1;

	for (size_t i = 0; i < c->nallow_layout; i++)
		if (!strcmp(c->allow_layout[i], key) || !strcmp(c->allow_layout[i], bare))
			return true;
	return false;
}

/* Every changed aggregate is named in the one refusal, the first with its
 * difference: the engineer sees all of them at once. */
void check_struct_layouts(struct ctx *c)
{
	enum { LISTED = 8 };
	struct side *o = &sides[0], *p = &sides[1];
	struct agg *first_o = NULL, *first_p = NULL;
	struct buf also = { 0 };
	size_t nchanged = 0;
	char what[512];

	if (!load_side(o, c->a.orig) || !load_side(p, c->a.patched)) {
		layout_free();
		return;
	}
	for (size_t i = 0; i < p->n; i++) {
		struct agg *pa = &p->aggs[i], *first, *oa;
		size_t pos;

		first = oa = ht_get(&o->by_key, pa->key, &pos);
		while (oa && strcmp(oa->sig, pa->sig))
			oa = ht_next(&o->by_key, pa->key, &pos);
		if (!first || oa)
			continue;
		if (allowed(c, pa->key)) {
			fprintf(stderr, "create-diff-object: %s: %s: layout changed, allowed by --allow-layout-change\n",
				g_objname, pa->key);
			continue;
		}
		if (!nchanged++) {
			first_o = first, first_p = pa;
		} else if (nchanged <= LISTED + 1) {
			buf_add(&also, nchanged > 2 ? ", " : "", nchanged > 2 ? 2 : 0);
			buf_add(&also, pa->key, strlen(pa->key));
		}
	}
	if (nchanged) {
		if (nchanged > LISTED + 1)
			sig_add(&also, " and %zu more", nchanged - LISTED - 1);
		buf_add(&also, "", 1);
		describe(first_o, first_p, what, sizeof(what));
		die(EXIT_REFUSED, "%s: layout changed (%s)%s%s: the instances that exist keep the old layout, which the patched code would misread (keep the layout and add new fields as shadow variables; --allow-layout-change %s only if no instance outlives the transition)",
		    first_p->key, what, nchanged > 1 ? "; also changed: " : "", nchanged > 1 ? (char *)also.p : "",
		    strchr(first_p->key, ' ') + 1);
	}
	buf_free(&also);
	layout_free();
}

void layout_free(void)
{
	for (size_t s = 0; s < 2; s++) {
		for (size_t i = 0; i < sides[s].n; i++) {
			free(sides[s].aggs[i].key);
			free(sides[s].aggs[i].sig);
		}
		free(sides[s].aggs);
		ht_free(&sides[s].by_key);
		if (sides[s].dwfl)
			dwfl_end(sides[s].dwfl);
		sides[s] = (struct side){ 0 };
	}
}
