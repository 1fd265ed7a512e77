/* Comparison: which twin sections and symbols changed. Bytes and
 * relocations (by target and addend, strings by content); line numbers
 * passed to the helpers of line-only.c do not count. */
#include "cdo.h"
#include "line-only.h"
#include "moved.h"
#include <stdlib.h>
#include <string.h>

static const char *str_at(const struct sec *sec, GElf_Sxword off)
{
	if (!sec->data || off < 0 || (size_t)off >= sec->size || !memchr(sec->data + off, 0, sec->size - (size_t)off))
		return NULL;
	return (const char *)sec->data + off;
}

bool is_string_literal(const struct sym *s)
{
	return s->sec && s->bind == STB_LOCAL && (s->type == STT_NOTYPE || s->type == STT_OBJECT) &&
	       is_string_sec(s->sec);
}

bool is_merge_literal(const struct sym *s)
{
	return is_string_literal(s) || (s->sec && s->bind == STB_LOCAL && s->type == STT_NOTYPE &&
					(s->sec->sh->sh_flags & SHF_MERGE));
}

/* Section symbols, local labels (.LC0) and string literals (.L.str.N) all
 * mean section + offset. */
static bool is_label(const struct sym *s)
{
	return s->sec && (s->type == STT_SECTION || (s->type == STT_NOTYPE && s->bind == STB_LOCAL) ||
			  is_string_literal(s));
}

static GElf_Sxword label_off(const struct rel *r)
{
	return sadd(r->addend, r->sym->type == STT_SECTION ? 0 : (GElf_Sxword)r->sym->s->st_value);
}

static bool same_string(const struct rel *p, const struct rel *o)
{
	GElf_Sxword adj = is_pcrel(p->type) ? 4 : 0;
	const char *a = str_at(p->sym->sec, label_off(p) + adj), *b = str_at(o->sym->sec, label_off(o) + adj);

	if (!a || !b)
		return label_off(p) == label_off(o);
	return !strcmp(a, b);
}

/* A constant (switch table, __func__) belongs to the code using it: a
 * different value is a different function. */
bool same_constant(const struct sym *p, const struct sym *o)
{
	if (p->s->st_size != o->s->st_size)
		return false;
	if (!p->sec->data || !o->sec->data || p->s->st_value + p->s->st_size > p->sec->size ||
	    o->s->st_value + o->s->st_size > o->sec->size)
		return p->s->st_size == o->s->st_size;
	return !memcmp(p->sec->data + p->s->st_value, o->sec->data + o->s->st_value, p->s->st_size);
}

/* clang puts per-function constants with no symbol (switch tables,
 * initialisers) in sections of their own named .rodata..L*: the code that
 * uses one changes when its content does. Compared once per section. */
static signed char *anon_same;		/* by patched section index: 0 unknown, 1 same, 2 differs */

static bool same_relocs(const struct sec *ps, const struct sec *os);

static bool same_anon_const(const struct sec *ps, const struct sec *os)
{
	if (!strstr(ps->name, "..L") || (ps->sh->sh_flags & (SHF_WRITE | SHF_EXECINSTR | SHF_MERGE)) || !anon_same)
		return true;
	if (!anon_same[ps->idx])
		anon_same[ps->idx] = ps->size == os->size && (!ps->data || !os->data ||
				     !memcmp(ps->data, os->data, ps->size)) && same_relocs(ps, os) ? 1 : 2;
	return anon_same[ps->idx] == 1;
}

/* P's offset is DELTA past O's: the code holding them may have moved. */
static bool same_target_at(const struct rel *p, const struct rel *o, GElf_Sxword delta)
{
	const struct sym *ps = p->sym, *os = o->sym;

	if (p->type != o->type || (GElf_Sxword)p->off - (GElf_Sxword)o->off != delta)
		return false;
	if (is_label(ps) && is_label(os)) {
		if (is_string_sec(ps->sec) && is_string_sec(os->sec))
			return same_string(p, o);
		/* a label of a shared blob (.altinstr_aux) moves when
		 * something is added before it: compare what is there */
		return ps->sec->twin == os->sec && same_anon_const(ps->sec, os->sec) &&
		       (label_off(p) == label_off(o) || same_label_target(ps->sec, sadd(label_off(p), is_pcrel(p->type) ? 4 : 0), os->sec,
					  sadd(label_off(o), is_pcrel(p->type) ? 4 : 0), is_pcrel(p->type) ? 4 : 0));
	}
	if (p->addend != o->addend)
		return false;
	if (ps->twin && is_constant(ps))
		return ps->twin == os && same_constant(ps, os);
	if (ps->twin)
		return ps->twin == os;
	return !ps->sec && !os->sec && !strcmp(ps->name, os->name);
}

static bool same_target(const struct rel *p, const struct rel *o)
{
	return same_target_at(p, o, 0);
}

/* .init.* is freed after boot; .exit.* is discarded in vmlinux (cdo.h). */
bool is_init_exit(const struct sec *sec)
{
	return !strncmp(sec->name, ".init", 5) || !strncmp(sec->name, ".exit", 5);
}

/* Functions that share a section (.init.text, .exit.text, the static call
 * trampolines of .static_call.text, all of .text in an object built without
 * -ffunction-sections): one changed or new function moves the others,
 * which are not changed for that. */
static bool moved_only(const struct sym *s)
{
	const struct sec *sec = s->sec;

	return s->type == STT_FUNC && !sec->owner && s->twin && s->twin->sec == sec->twin &&
	       same_func_in_section(s, s->twin, same_target_at);
}

/* A variable whose section has no twin moved between sections: clang keeps
 * a small constant in a shared .rodata.cst8 until its address is taken,
 * then gives it a .rodata.NAME of its own. Its value is compared here, as
 * its section's cannot be (relocations in it are not). */
static bool moved_value_changed(const struct sym *s)
{
	return s->type == STT_OBJECT && !s->ignore && s->twin->sec && !s->sec->twin && !is_string_literal(s) &&
	       !is_constant(s) && !same_constant(s, s->twin);
}

static bool same_bytes(const struct sec *ps, const struct sec *os)
{
	if (ps->size != os->size)
		return false;
	if (!ps->data || !os->data || !memcmp(ps->data, os->data, ps->size))
		return true;
	return line_only_diff(ps, os);
}

/* The index of the first relocation of PS whose target differs from OS's
 * at the same index (the shorter count when one list only runs longer). */
static size_t first_other_reloc(const struct sec *ps, const struct sec *os)
{
	size_t np = ps->rela ? ps->rela->nrels : 0, no = os->rela ? os->rela->nrels : 0, n = np < no ? np : no;

	for (size_t i = 0; i < n; i++)
		if (!same_target(&ps->rela->rels[i], &os->rela->rels[i]))
			return i;
	return n;
}

static bool same_relocs(const struct sec *ps, const struct sec *os)
{
	size_t np = ps->rela ? ps->rela->nrels : 0, no = os->rela ? os->rela->nrels : 0;

	return np == no && first_other_reloc(ps, os) == np;
}

/* A function starts with `call __fentry__` (after endbr64 on IBT kernels). */
static void find_fentry(struct elf *elf)
{
	for_each_sec(elf, sec)
		for_each_rel(sec, r) {
			struct sym *f;

			if (strcmp(r->sym->name, "__fentry__") || r->off < 1)
				continue;
			f = sym_at(sec, (GElf_Sxword)r->off - 1);
			if (f && f->type == STT_FUNC && (r->off - 1 == f->s->st_value || r->off - 5 == f->s->st_value))
				f->has_fentry = true;
		}
}

static struct sym *reloc_sym_at(const struct sec *sec, size_t off)
{
	for_each_rel(sec, r)
		if (r->off == off)
			return r->sym;
	return NULL;
}

/* Ours (kmod/kpatch-macros.h) and kpatch's: the same layout. */
static const char *const ignore_functions[] = { ".livepatch.ignore.functions", ".kpatch.ignore.functions" };
static const char *const ignore_sections[] = { ".livepatch.ignore.sections", ".kpatch.ignore.sections" };

static void ignore_sections_of(struct ctx *c, struct sec *sec)
{
	for (size_t off = 0; off + 8 <= sec->size; off += 8) {
		struct sym *s = reloc_sym_at(sec, off);
		const char *name = NULL;
		struct sec *target;

		for_each_rel(sec, r)
			if (r->off == off && s && s->type == STT_SECTION)
				name = str_at(s->sec, r->addend);
		if (!name || !(target = ht_get(&c->patched.sec_by_name, name, NULL)))
			die(EXIT_ERROR, "%s: %s: entry %zu names no section of the object",
			    c->a.patched, sec->name, off / 8);
		target->ignore = true;
	}
}

void mark_ignored(struct ctx *c)
{
	for (size_t i = 0; i < sizeof(ignore_functions) / sizeof(ignore_functions[0]); i++) {
		size_t pos;

		for (struct sec *sec = ht_get(&c->patched.sec_by_name, ignore_functions[i], &pos); sec;
		     sec = ht_next(&c->patched.sec_by_name, ignore_functions[i], &pos))
			for_each_rel(sec, r)
				r->sym->ignore = true;
		for (struct sec *sec = ht_get(&c->patched.sec_by_name, ignore_sections[i], &pos); sec;
		     sec = ht_next(&c->patched.sec_by_name, ignore_sections[i], &pos))
			ignore_sections_of(c, sec);
	}
}

static void mark_printk_entries(struct ctx *c);

void compare(struct ctx *c)
{
	find_fentry(&c->patched);
	find_fentry(&c->orig);
	anon_same = xcalloc(c->patched.nsecs, 1);
	line_only_init();
	for_each_sec(&c->patched, ps) {
		struct sec *os = ps->twin;

		if (ps->base)
			continue;
		if (is_debug_info(ps) || is_special(ps))
			ps->status = ST_SAME;
		else if (!os)
			ps->status = ST_NEW;
		else if (ps->ignore || (same_bytes(ps, os) && same_relocs(ps, os)))
			ps->status = ST_SAME;
		else
			ps->status = ST_CHANGED;
	}
	for_each_sym(&c->patched, s) {
		if (s->type == STT_SECTION || s->type == STT_FILE || !s->sec)
			continue;
		if (!s->twin)
			s->status = ST_NEW;
		else if (moved_value_changed(s))
			s->status = ST_CHANGED;
		else if (s->ignore || s->sec->status != ST_CHANGED || moved_only(s))
			s->status = ST_SAME;
		else
			s->status = ST_CHANGED;
	}
	line_only_done();
	free(anon_same);
	anon_same = NULL;
	/* a changed .cold child changes its parent */
	for_each_sym(&c->patched, s)
		if (s->parent && s->status == ST_CHANGED && s->parent->status == ST_SAME && !s->parent->ignore)
			s->parent->status = ST_CHANGED;
	mark_printk_entries(c);
}

static bool is_once_data(const struct sec *sec)
{
	return !strncmp(sec->name, ".data.once", 10) || !strncmp(sec->name, ".data..once", 11);
}

static bool is_data(const struct sec *sec)
{
	static const char *const prefixes[] = { ".data", ".bss", ".rodata", ".tbss", ".tdata", ".ref.data" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* __initdata, __initconst, __exitdata: used at boot (or module exit) and
 * freed or discarded; a new value could never take effect. */
static bool is_init_data(const struct sec *sec)
{
	static const char *const prefixes[] = { ".init.data", ".init.rodata", ".exit.data" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(sec->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* The first existing variable of a data section (anonymous constants and
 * strings have none: they are compared where they are used). */
const struct sym *data_object(const struct sec *sec)
{
	for (size_t i = 0; i < sec->nsyms; i++)
		if (sec->syms[i]->type == STT_OBJECT && sec->syms[i]->twin && !is_constant(sec->syms[i]) &&
		    !is_string_literal(sec->syms[i]))
			return sec->syms[i];
	return NULL;
}

/* The first offset where a data section's patched bytes or relocations
 * differ from its twin's (the shorter size when only the size does). */
static size_t first_difference(const struct sec *ps, const struct sec *os)
{
	size_t off = ps->size < os->size ? ps->size : os->size;
	size_t np = ps->rela ? ps->rela->nrels : 0, no = os->rela ? os->rela->nrels : 0;

	if (ps->data && os->data)
		for (size_t i = 0; i < off; i++)
			if (ps->data[i] != os->data[i]) {
				off = i;
				break;
			}
	size_t r = first_other_reloc(ps, os);
	const struct rel *pr = r < np ? &ps->rela->rels[r] : NULL, *or = r < no ? &os->rela->rels[r] : NULL;

	if (pr || or) {
		size_t at = pr && or ? (pr->off < or->off ? pr->off : or->off) : pr ? pr->off : or->off;

		if (at < off)
			off = at;
	}
	return off;
}

/* The existing variable of a changed data section whose value changed:
 * the one where the first difference is (a struct holding sizeof() of a
 * resized type, not the section's first variable), else the first. */
static const struct sym *changed_object(const struct sec *ps)
{
	const struct sym *s = sym_at(ps, (GElf_Sxword)first_difference(ps, ps->twin));

	return s && s->type == STT_OBJECT && s->twin && !is_string_literal(s) ? s : data_object(ps);
}

/* A variable of SEC that the original does not have, or NULL. */
static const struct sym *new_object(const struct sec *sec)
{
	for (size_t i = 0; i < sec->nsyms; i++)
		if (sec->syms[i]->type == STT_OBJECT && !sec->syms[i]->twin && !is_string_literal(sec->syms[i]))
			return sec->syms[i];
	return NULL;
}

/* A struct pi_entry describes a printk call site (format, function, file,
 * line) for /sys/kernel/debug/printk/index: its line moves with the code
 * above it, and an included printk brings its own entry, so a changed one
 * is not changed state. */
static void mark_printk_entries(struct ctx *c)
{
	size_t pos;

	for (struct sec *pi = ht_get(&c->patched.sec_by_name, ".printk_index", &pos); pi;
	     pi = ht_next(&c->patched.sec_by_name, ".printk_index", &pos)) {
		if (!pi->rela)
			continue;
		/* kept: include_special reads them anyway (and drops them) */
		elf_read_rels(&c->patched, pi->rela);
		for_each_rel(pi, r)
			if (r->sym->sec)
				r->sym->sec->printk_entry = true;
	}
}

/* Exports the patch adds or removes: the kernel's and the modules' export
 * tables are fixed when they are loaded, so a live patch can neither add an
 * export nor withdraw one (6.1 names the entry __ksymtab_NAME, 6.5+
 * __export_symbol_NAME). Either is the fix's real effect, not "no change". */
static const struct { const char *sym, *sec; } export_kinds[] = {
	{ "__ksymtab_", "___ksymtab" }, { "__export_symbol_", ".export_symbol" },
};

/* The exported name when S is an export entry, else NULL. */
static const char *export_of(const struct sym *s)
{
	if (!s->sec || s->type == STT_SECTION)
		return NULL;
	for (size_t i = 0; i < sizeof(export_kinds) / sizeof(export_kinds[0]); i++)
		if (!strncmp(s->name, export_kinds[i].sym, strlen(export_kinds[i].sym)) &&
		    !strncmp(s->sec->name, export_kinds[i].sec, strlen(export_kinds[i].sec)))
			return s->name + strlen(export_kinds[i].sym);
	return NULL;
}

/* The function or variable NAME of the patched object that the original
 * does not have, or NULL. */
static const struct sym *new_definition(struct ctx *c, const char *name)
{
	size_t pos;

	for (struct sym *s = ht_get(&c->patched.sym_by_name, name, &pos); s;
	     s = ht_next(&c->patched.sym_by_name, name, &pos))
		if (s->sec && !s->twin && (s->type == STT_FUNC || s->type == STT_OBJECT))
			return s;
	return NULL;
}

/* A new export of something the patch adds is not made: the patch's own
 * code reaches it directly, no module built for the running kernel can want
 * it, and a patch module exporting it would keep a later cumulative patch
 * that exports it too from loading. An existing symbol newly exported is
 * refused: the export would be the fix's whole effect. */
static void check_export_changes(struct ctx *c)
{
	const char *name;

	for_each_sym(&c->patched, s) {
		if (s->twin || !(name = export_of(s)))
			continue;
		if (new_definition(c, name)) {
			note("%s: new, and exported by the fix: the patch carries it without the export (its own code reaches it without one; a live patch adds no exports)",
			     name);
			continue;
		}
		die(EXIT_REFUSED, "%s: new export of %s (a live patch cannot add an export: the export tables are fixed at boot and module load; a module that needs it needs a kernel update)",
		    c->a.patched, name);
	}
	for_each_sym(&c->orig, s)
		if (!s->twin && (name = export_of(s)))
			die(EXIT_REFUSED, "%s: export of %s removed (a live patch cannot withdraw an export: modules may use it until the kernel is updated)",
			    c->a.patched, name);
}

void check_refusals(struct ctx *c)
{
	check_export_changes(c);
	for_each_sec(&c->patched, ps) {
		struct sec *os = ps->twin;

		if (!os || ps->base || ps->ignore)
			continue;
		if (ps->sh->sh_type != os->sh->sh_type)
			die(EXIT_REFUSED, "section %s%s%s: section type changed (%u -> %u)", ps->name,
			    ps->owner ? " of " : "", ps->owner ? ps->owner->name : "",
			    (unsigned)os->sh->sh_type, (unsigned)ps->sh->sh_type);
		if ((ps->sh->sh_flags ^ os->sh->sh_flags) & ~(GElf_Xword)SHF_INFO_LINK)
			die(EXIT_REFUSED, "section %s%s%s: section flags changed (0x%lx -> 0x%lx)", ps->name,
			    ps->owner ? " of " : "", ps->owner ? ps->owner->name : "",
			    (unsigned long)os->sh->sh_flags, (unsigned long)ps->sh->sh_flags);
		if (ps->status == ST_CHANGED && is_data(ps) && !is_once_data(ps) && !is_special_name(ps->name) &&
		    !ps->printk_entry && !ps->renewed && data_object(ps)) {
			const struct sym *added = new_object(ps);

			if (added)
				die(EXIT_REFUSED, "%s: new variable in %s, a section shared with existing data (new data needs a section of its own: drop the section attribute, e.g. __read_mostly, or use a shadow variable)",
				    added->name, ps->name);
			/* a sizeof() of a resized struct in an initialiser
			 * changes data too: the layout, the cause, is named
			 * first (check_struct_layouts returns if none changed) */
			check_struct_layouts(c);
			die(EXIT_REFUSED, "%s: changed data section %s (existing data cannot be patched; use a shadow variable)",
			    changed_object(ps)->name, ps->name);
		}
		if (ps->status == ST_CHANGED && is_init_data(ps) && data_object(ps))
			die(EXIT_REFUSED, "%s: changed __init data in %s (it was used during boot and is gone)",
			    data_object(ps)->name, ps->name);
	}
	for_each_sym(&c->patched, s) {
		/* .modinfo (MODULE_AUTHOR, MODULE_ALIAS, ...) and the other
		 * sections never copied into a patch are not state */
		if (s->type == STT_OBJECT && s->twin && s->sec && is_excluded(s->sec)) {
			if (s->sec->status == ST_CHANGED && !same_constant(s, s->twin))
				debug("%s: change in %s ignored (not part of a live patch)", s->name, s->sec->name);
			continue;
		}
		if (s->type == STT_OBJECT && s->twin && s->status == ST_CHANGED && !s->sec->twin && !s->sec->renewed &&
		    !is_once_data(s->sec))
			die(EXIT_REFUSED, "%s: changed data (moved from %s to %s; existing data cannot be patched; use a shadow variable)",
			    s->name, s->twin->sec->name, s->sec->name);
		if (s->type == STT_OBJECT && s->twin && s->sec && !s->ignore && !is_once_data(s->sec) && !is_constant(s) &&
		    !is_string_literal(s) && !s->sec->renewed &&
		    s->s->st_size != s->twin->s->st_size)
			die(EXIT_REFUSED, "%s: size of existing data changed (%lu -> %lu bytes) in %s",
			    s->name, (unsigned long)s->twin->s->st_size, (unsigned long)s->s->st_size, s->sec->name);
		/* The kernel updates a static call through its trampoline in
		 * vmlinux; a new one in the patch would be copied with the
		 * shared section and its old neighbours, copies that
		 * static_call_update never reaches. */
		if (s->type == STT_FUNC && s->status == ST_NEW && s->sec && !strcmp(s->sec->name, ".static_call.text"))
			die(EXIT_REFUSED, "%s: new static call trampoline in %s (DEFINE_STATIC_CALL): a live patch cannot add a static call",
			    s->name, s->sec->name);
		if (s->type != STT_FUNC || s->status != ST_CHANGED)
			continue;
		if (is_init_exit(s->sec))
			die(EXIT_REFUSED, "%s: changed __init/__exit code in %s (%s)", s->name, s->sec->name,
			    !strncmp(s->sec->name, ".exit", 5) ? "__exit code is notrace; vmlinux discards it, a module runs it only at unload"
							       : "it is gone after boot");
		if (!s->parent && !s->has_fentry && !s->via_callers)
			die(EXIT_REFUSED, "%s: changed function has no ftrace entry (call __fentry__) in %s; notrace functions cannot be patched%s",
			    s->name, s->sec->name, why_patched(s));
	}
}
