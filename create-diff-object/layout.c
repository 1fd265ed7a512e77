/* Struct layouts. A patch compiled with a struct, union or typedef'd
 * aggregate laid out differently from the running kernel's would read and
 * write the instances that already exist with the new layout: a member
 * added, removed, moved or resized is a refusal, named with the member.
 * Compared on the DWARF of both objects (libdwfl applies the relocations an
 * ET_REL object's .debug_info needs); objects without DWARF cannot be
 * checked, and a note says so. Member names, offsets, sizes and bit-fields count (two members
 * of one size swapped, or a reserved field put to a new use, changes what
 * existing instances mean), and so do the members of anonymous nested
 * aggregates. Named aggregates nested in a member are checked on their own.
 * Enumerators too: a value stored before the patch (a state, a kind) keeps
 * its number, so a patch that renumbers one (a value inserted before it, a
 * sentinel that grew) has the patched code read it as another. */
#include "cdo.h"
#include "hash.h"
#include <dwarf.h>
#include <elfutils/libdwfl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper anonymous nesting than this is not described (a hostile DWARF
 * could make a type its own member). */
#define MAX_NEST 16

struct agg {
	char *key;			/* "struct foo", "union bar", "typedef baz_t" */
	unsigned char *sig;		/* its layout, compared with memcmp */
	size_t siglen;
	Dwarf_Die die;
};

/* Keyed by its name: a C translation unit has one namespace for them. */
struct enumr {
	const char *name, *ename;	/* in the DWARF (lives as long as dwfl); ename NULL if anonymous */
	char *key;			/* made when a refusal names it */
	long long value;
};

struct side {
	Dwfl *dwfl;
	struct agg *aggs;
	size_t n;
	struct ht by_key;
	struct enumr *enums;
	size_t nenums;
	struct ht enum_by_name;
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

static long long attr_u(Dwarf_Die *d, unsigned name, long long dflt)
{
	Dwarf_Attribute a;
	Dwarf_Word v;

	if (!dwarf_attr(d, name, &a) || dwarf_formudata(&a, &v))
		return dflt;
	return (long long)v;
}

static bool is_agg_tag(int tag)
{
	return tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
}

static long long type_size(Dwarf_Die *type)
{
	Dwarf_Word size;

	return dwarf_aggregate_size(type, &size) ? -1 : (long long)size;
}

/* DW_AT_name of D itself (C has no DW_AT_specification to follow here). */
static const char *die_name(Dwarf_Die *d)
{
	Dwarf_Attribute a;

	return dwarf_attr(d, DW_AT_name, &a) ? dwarf_formstring(&a) : NULL;
}

/* What the layout holds of a member, read in one pass over its
 * attributes. BIT_OFF is where it starts, in bits (for a bit-field by
 * either DWARF spelling: comparable, not always from the low bit); TYPE is
 * its type without typedefs and qualifiers. */
struct member {
	const char *name;
	long long bit_off, bit_size, size;
	bool nested;			/* an anonymous struct or union */
	Dwarf_Die type;
};

struct member_attrs {
	Dwarf_Attribute type;
	bool has_type, has_data_bit_off;
	long long loc, data_bit_off, bit_off;
	struct member *m;
};

static int member_attr(Dwarf_Attribute *a, void *arg)
{
	struct member_attrs *ma = arg;
	Dwarf_Word v = 0;

	switch (dwarf_whatattr(a)) {
	case DW_AT_name:
		ma->m->name = dwarf_formstring(a);
		break;
	case DW_AT_type:
		ma->type = *a, ma->has_type = true;
		break;
	case DW_AT_data_member_location:
		ma->loc = dwarf_formudata(a, &v) ? 0 : (long long)v;
		break;
	case DW_AT_data_bit_offset:
		ma->data_bit_off = dwarf_formudata(a, &v) ? 0 : (long long)v, ma->has_data_bit_off = true;
		break;
	case DW_AT_bit_offset:
		ma->bit_off = dwarf_formudata(a, &v) ? 0 : (long long)v;
		break;
	case DW_AT_bit_size:
		ma->m->bit_size = dwarf_formudata(a, &v) ? 0 : (long long)v;
		break;
	}
	return DWARF_CB_OK;
}

static void read_member(Dwarf_Die *die, struct member *m)
{
	struct member_attrs ma = { .m = m };
	Dwarf_Die t;

	*m = (struct member){ .size = -1 };
	dwarf_getattrs(die, member_attr, &ma, 0);
	m->bit_off = ma.has_data_bit_off ? ma.data_bit_off : ma.loc * 8 + ma.bit_off;
	if (ma.has_type && dwarf_formref_die(&ma.type, &t) && dwarf_peel_type(&t, &m->type) == 0) {
		m->size = type_size(&m->type);
		m->nested = is_agg_tag(dwarf_tag(&m->type)) && !dwarf_hasattr(&m->type, DW_AT_name);
	}
}

/* The layout as bytes: tag and size, then per member its name, offsets
 * and sizes, and the layout of an anonymous aggregate it holds. */
static void layout_sig(struct buf *b, Dwarf_Die *agg, int depth)
{
	long long head[2] = { dwarf_tag(agg), attr_u(agg, DW_AT_byte_size, -1) };
	Dwarf_Die d;

	buf_add(b, head, sizeof(head));
	if (depth < MAX_NEST && dwarf_child(agg, &d) == 0) {
		do {
			struct member m;
			long long facts[3];

			if (dwarf_tag(&d) != DW_TAG_member)
				continue;
			read_member(&d, &m);
			facts[0] = m.bit_off, facts[1] = m.bit_size, facts[2] = m.size;
			buf_add(b, m.name ? m.name : "", m.name ? strlen(m.name) + 1 : 1);
			buf_add(b, facts, sizeof(facts));
			buf_add(b, m.nested ? "{" : "-", 1);
			if (m.nested)
				layout_sig(b, &m.type, depth + 1);
		} while (dwarf_siblingof(&d, &d) == 0);
	}
	buf_add(b, "}", 1);
}

/* The aggregate DIE at the CU's top level names, or NULL: a defined,
 * sized struct or union with a name, or a typedef of an anonymous one. */
static const char *agg_key(Dwarf_Die *d, Dwarf_Die *agg, char *key, size_t len)
{
	int tag = dwarf_tag(d);
	const char *name = die_name(d);
	Dwarf_Attribute a;

	if (!name)
		return NULL;
	if (is_agg_tag(tag)) {
		*agg = *d;
		snprintf(key, len, "%s %s", tag == DW_TAG_union_type ? "union" : "struct", name);
	} else if (tag == DW_TAG_typedef) {
		if (!dwarf_attr(d, DW_AT_type, &a) || !dwarf_formref_die(&a, agg) ||
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
	s->aggs = xgrow(s->aggs, s->n, sizeof(*s->aggs));
	a = &s->aggs[s->n++];
	*a = (struct agg){ .key = xstrdup(key), .sig = b.p, .siglen = b.len, .die = *die };
}

/* DW_AT_const_value as the DWARF has it: equal values have equal forms
 * in two objects of one compiler (data1..data8 are not sign-extended). */
static bool enumr_value(Dwarf_Die *d, long long *v)
{
	Dwarf_Attribute a;
	Dwarf_Sword sv;
	Dwarf_Word uv;

	if (!dwarf_attr(d, DW_AT_const_value, &a))
		return false;
	if (dwarf_whatform(&a) == DW_FORM_sdata || dwarf_whatform(&a) == DW_FORM_implicit_const) {
		if (dwarf_formsdata(&a, &sv))
			return false;
		*v = (long long)sv;
	} else {
		if (dwarf_formudata(&a, &uv))
			return false;
		*v = (long long)uv;
	}
	return true;
}

static void add_enumerators(struct side *s, Dwarf_Die *en)
{
	const char *ename = die_name(en);
	Dwarf_Die d;

	if (dwarf_hasattr(en, DW_AT_declaration) || dwarf_child(en, &d) != 0)
		return;
	do {
		const char *name = die_name(&d);
		long long v;

		if (dwarf_tag(&d) != DW_TAG_enumerator || !name || !enumr_value(&d, &v))
			continue;
		s->enums = xgrow(s->enums, s->nenums, sizeof(*s->enums));
		s->enums[s->nenums++] = (struct enumr){ .name = name, .ename = ename, .value = v };
	} while (dwarf_siblingof(&d, &d) == 0);
}

/* The types defined in SCOPE (a CU, or an aggregate: clang puts a type
 * defined inside a struct's definition under the struct's DIE, gcc at the
 * CU's top level). */
static void scan_types(struct side *s, Dwarf_Die *scope, int depth)
{
	Dwarf_Die d, agg;
	char key[512];

	if (depth >= MAX_NEST || dwarf_child(scope, &d) != 0)
		return;
	do {
		int tag = dwarf_tag(&d);

		if (agg_key(&d, &agg, key, sizeof(key)))
			add_agg(s, key, &agg);
		else if (tag == DW_TAG_enumeration_type)
			add_enumerators(s, &d);
		if (is_agg_tag(tag))
			scan_types(s, &d, depth + 1);
	} while (dwarf_siblingof(&d, &d) == 0);
}

/* Reads PATH's aggregates and enumerators; false when it has no DWARF (not
 * checked). */
static bool load_side(struct side *s, const char *path)
{
	Dwfl_Module *mod;
	Dwarf_Die *cu = NULL;
	Dwarf_Addr bias;

	s->dwfl = dwfl_begin(&callbacks);
	if (!s->dwfl)
		die(EXIT_ERROR, "libdwfl: %s", dwfl_errmsg(-1));
	mod = dwfl_report_offline(s->dwfl, "obj", path, -1);
	if (!mod || dwfl_report_end(s->dwfl, NULL, NULL) || !dwfl_module_getdwarf(mod, &bias)) {
		/* a safety check skipped must be seen: say so, once per object */
		note("no readable DWARF in %s (%s): struct layouts and enumerators not checked (a kernel built with CONFIG_DEBUG_INFO has it)",
		     path, dwfl_errmsg(-1));
		return false;
	}
	while ((cu = dwfl_module_nextcu(mod, cu, &bias)))
		scan_types(s, cu, 0);
	debug("%s: %zu aggregates, %zu enumerators in its DWARF", path, s->n, s->nenums);
	ht_init(&s->by_key, s->n);
	for (size_t i = 0; i < s->n; i++)
		ht_put(&s->by_key, s->aggs[i].key, &s->aggs[i]);
	ht_init(&s->enum_by_name, s->nenums);
	for (size_t i = 0; i < s->nenums; i++)
		ht_put(&s->enum_by_name, s->enums[i].name, &s->enums[i]);
	return true;
}

/* The members of AGG in order, up to MAX. */
static size_t members(Dwarf_Die *agg, struct member *out, size_t max)
{
	Dwarf_Die d;
	size_t n = 0;

	if (dwarf_child(agg, &d) != 0)
		return 0;
	do
		if (dwarf_tag(&d) == DW_TAG_member && n < max)
			read_member(&d, &out[n++]);
	while (dwarf_siblingof(&d, &d) == 0);
	return n;
}

static const char *mname(const struct member *m)
{
	return m->name ? m->name : "(anonymous)";
}

/* Index of the member called NAME in M[0..N), or N. Only a refusal's
 * message looks members up, once or twice. */
static size_t find_member(const struct member *m, size_t n, const char *name)
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
	static struct member om[MAX], pm[MAX];
	long long osz = attr_u(&o->die, DW_AT_byte_size, -1), psz = attr_u(&p->die, DW_AT_byte_size, -1);
	size_t on = members(&o->die, om, MAX), pn = members(&p->die, pm, MAX), i, j;
	int n = osz != psz ? snprintf(out, len, "size %lld -> %lld bytes, ", osz, psz) : 0;

	out += n, len -= (size_t)n;
	for (i = 0; i < on && i < pn; i++) {
		const struct member *a = &om[i], *b = &pm[i];

		if (strcmp(mname(a), mname(b))) {
			if (find_member(om, on, mname(b)) == on)
				snprintf(out, len, "member %s added at offset %lld", mname(b), b->bit_off / 8);
			else if ((j = find_member(pm, pn, mname(a))) == pn)
				snprintf(out, len, "member %s removed", mname(a));
			else
				snprintf(out, len, "member %s moved from offset %lld to %lld", mname(a), a->bit_off / 8,
					 pm[j].bit_off / 8);
			return;
		}
		if (a->bit_size != b->bit_size) {
			snprintf(out, len, "bit-field %s changed width (%lld -> %lld bits)", mname(a), a->bit_size,
				 b->bit_size);
			return;
		}
		if (a->size != b->size) {
			snprintf(out, len, "member %s changed size (%lld -> %lld bytes)", mname(a), a->size, b->size);
			return;
		}
		if (a->bit_off != b->bit_off) {
			if (a->bit_size)
				snprintf(out, len, "bit-field %s moved (bit %lld -> %lld)", mname(a), a->bit_off, b->bit_off);
			else
				snprintf(out, len, "member %s moved from offset %lld to %lld", mname(a), a->bit_off / 8,
					 b->bit_off / 8);
			return;
		}
	}
	if (i < pn)
		snprintf(out, len, "member %s added at offset %lld", mname(&pm[i]), pm[i].bit_off / 8);
	else if (i < on)
		snprintf(out, len, "member %s removed", mname(&om[i]));
	else
		snprintf(out, len, "members of a nested anonymous struct or union changed");
}

/* "conn" of "struct conn", "X" of "enumerator X": the name
 * --allow-layout-change takes. */
static const char *bare_name(const char *key)
{
	return strchr(key, ' ') + 1;
}

static bool allowed(const struct ctx *c, const char *key, const char *enumerator)
{
	for (size_t i = 0; i < c->nallow_layout; i++)
		if (!strcmp(c->allow_layout[i], key) || !strcmp(c->allow_layout[i], bare_name(key)) ||
		    (enumerator && !strcmp(c->allow_layout[i], enumerator)))
			return true;
	return false;
}

/* What the one refusal lists: every changed type once (an ld -r object
 * has a copy per source), the first with its difference. */
enum { LISTED = 8 };
struct changes {
	size_t n;
	struct ht listed;
	const char *first;
	bool first_is_enum;
	char what[512];
	struct buf also;
};

/* Lists KEY; true when it is the first, which the caller describes. */
static bool add_change(struct changes *ch, const struct ctx *c, const char *key, const char *enumerator)
{
	size_t pos;

	if (ht_get(&ch->listed, key, &pos))
		return false;
	ht_put(&ch->listed, key, (void *)key);
	if (allowed(c, key, enumerator)) {
		note("%s: %s, allowed by --allow-layout-change", key, enumerator ? "renumbered" : "layout changed");
		return false;
	}
	if (!ch->n++) {
		ch->first = key;
		return true;
	}
	if (ch->n <= LISTED + 1) {
		buf_add(&ch->also, ch->n > 2 ? ", " : "", ch->n > 2 ? 2 : 0);
		buf_add(&ch->also, key, strlen(key));
	}
	return false;
}

static void changed_aggregates(struct changes *ch, const struct ctx *c, struct side *o, struct side *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct agg *pa = &p->aggs[i], *first, *oa;
		size_t pos;

		first = oa = ht_get(&o->by_key, pa->key, &pos);
		while (oa && (oa->siglen != pa->siglen || memcmp(oa->sig, pa->sig, pa->siglen)))
			oa = ht_next(&o->by_key, pa->key, &pos);
		if (first && !oa && add_change(ch, c, pa->key, NULL))
			describe(first, pa, ch->what, sizeof(ch->what));
	}
}

/* "enum conn_state", or "enumerator X" of an anonymous enum: the name a
 * refusal gives, made only for an enumerator it names. */
static const char *enumr_key(struct enumr *e)
{
	char key[512];

	if (!e->key) {
		snprintf(key, sizeof(key), e->ename ? "enum %s" : "enumerator %s", e->ename ? e->ename : e->name);
		e->key = xstrdup(key);
	}
	return e->key;
}

/* An enumerator both objects have, with a value the original has under
 * none of its copies. New and removed enumerators change no stored value. */
static void renumbered_enumerators(struct changes *ch, const struct ctx *c, struct side *o, struct side *p)
{
	for (size_t i = 0; i < p->nenums; i++) {
		struct enumr *pe = &p->enums[i], *oe, *first;
		size_t pos;

		first = oe = ht_get(&o->enum_by_name, pe->name, &pos);
		while (oe && oe->value != pe->value)
			oe = ht_next(&o->enum_by_name, pe->name, &pos);
		if (!first || oe || !add_change(ch, c, enumr_key(pe), pe->name))
			continue;
		ch->first_is_enum = true;
		snprintf(ch->what, sizeof(ch->what), "%s%srenumbered (%lld -> %lld)", pe->ename ? pe->name : "",
			 pe->ename ? " " : "", first->value, pe->value);
	}
}

/* Every changed aggregate and renumbered enum is named in the one
 * refusal, the first with its difference: the engineer sees all of them
 * at once. */
void check_struct_layouts(struct ctx *c)
{
	struct side *o = &sides[0], *p = &sides[1];
	/* static, like sides: a refusal's exit leaves it reachable */
	static struct changes ch;

	if (!load_side(o, c->a.orig) || !load_side(p, c->a.patched)) {
		layout_free();
		return;
	}
	ht_init(&ch.listed, 16);
	changed_aggregates(&ch, c, o, p);
	renumbered_enumerators(&ch, c, o, p);
	if (ch.n) {
		char more[48];
		int n = ch.n > LISTED + 1 ? snprintf(more, sizeof(more), " and %zu more", ch.n - LISTED - 1) : 0;
		const char *also = ch.n > 1 ? "; also changed: " : "";

		buf_add(&ch.also, more, (size_t)n);
		buf_add(&ch.also, "", 1);
		if (ch.first_is_enum)
			die(EXIT_REFUSED, "%s: %s%s%s: values stored before the patch keep their old numbers, which the patched code would read as other enumerators (add new enumerators after the existing ones; --allow-layout-change %s only if no stored value outlives the transition)",
			    ch.first, ch.what, also, ch.n > 1 ? (char *)ch.also.p : "", bare_name(ch.first));
		die(EXIT_REFUSED, "%s: layout changed (%s)%s%s: the instances that exist keep the old layout, which the patched code would misread (keep the layout and add new fields as shadow variables; --allow-layout-change %s only if no instance outlives the transition)",
		    ch.first, ch.what, also, ch.n > 1 ? (char *)ch.also.p : "", bare_name(ch.first));
	}
	buf_free(&ch.also);
	ht_free(&ch.listed);
	ch = (struct changes){ 0 };
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
		for (size_t i = 0; i < sides[s].nenums; i++)
			free(sides[s].enums[i].key);
		free(sides[s].enums);
		ht_free(&sides[s].enum_by_name);
		if (sides[s].dwfl)
			dwfl_end(sides[s].dwfl);
		sides[s] = (struct side){ 0 };
	}
}
