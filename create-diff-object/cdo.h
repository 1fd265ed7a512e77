/* State shared by the passes of create-diff-object and their entry points;
 * main() calls them in order. */
#ifndef CDO_CDO_H
#define CDO_CDO_H
#include "klp-placeholder.h"
#include "elf-model.h"
#include "util.h"

struct args {
	const char *orig, *patched, *parent, *symtab, *symvers, *modname, *output;
};

/* One livepatch relocation (FORMAT.md struct livepatch_reloc). */
struct klp_target {
	const char *name;		/* name in the running object */
	const char *objname;
	const char *symobj;		/* the module defining NAME, when not OBJNAME */
	unsigned long sympos;
};

/* A section made by cdo (filtered special section, __mcount_loc,
 * .modinfo): bytes plus relocations against patched symbols. */
struct synth {
	const char *name;
	GElf_Word type;
	GElf_Xword flags, align, entsize;
	struct buf data;
	struct rel *rels;
	size_t nrels, caprels;
	size_t out_idx;
	struct sec *link;		/* SHF_LINK_ORDER: the section it follows */
};

/* A jump label site set once and for all (module-keys.c): LEN bytes at OFF
 * of SEC become a jump to TARGET+ADDEND, or a NOP when !JUMP. */
struct site_rewrite {
	struct sec *sec;
	GElf_Addr off;
	unsigned len;
	bool jump;
	struct sym *target;
	GElf_Sxword target_addend;
};

struct ctx {
	struct args a;
	struct elf orig, patched;
	bool parent_is_vmlinux;
	struct sym **funcs;		/* changed functions: .livepatch.funcs */
	size_t nfuncs;
	struct synth *synths;
	size_t nsynths;
	struct site_rewrite *rewrites;
	size_t nrewrites;
	const char **allow_layout;	/* --allow-layout-change NAMEs (argv) */
	size_t nallow_layout;
	/* --via-callers NAMEs (argv): global notrace functions the patch
	 * replaces through their callers, in this object and in others */
	const char **via_callers;
	size_t nvia_callers;
};

/* symtab.c: the parent's symbol table and Module.symvers */
/* VMLINUX: the parent is vmlinux, whose kallsyms is sorted by address. */
void symtab_load(const char *path, struct elf *obj, struct elf *other, bool vmlinux);
void symvers_load(const char *path);
/* Module (basename) that exports NAME, or NULL. */
const char *symvers_owner(const char *name);
/* Position (sympos) of local SYM (of either object) among the parent's
 * same-named symbols, in the order the kernel counts them; 0 when unique.
 * SYM is looked up in the parent's FILE block its own FILE block matches
 * (an ld -r object has several). Dies when absent. */
unsigned long symtab_local_pos(const struct sym *sym, const char *user);
/* The same for the global NAME (0 when absent: see symtab_has_global). */
unsigned long symtab_global_pos(const char *name);
bool symtab_has_global(const char *name);
void symtab_free(void);

/* kpatch-compat.c: kpatch's .kpatch.* sections read as ours */
void kpatch_compat(struct elf *elf);
/* compare.c: a local symbol in a mergeable string section (gcc's .LC0
 * label, clang's .L.str.N object) is a string literal, compared and copied
 * by content, never a variable. */
bool is_string_literal(const struct sym *s);
/* compare.c: a string literal, or a label of a mergeable constant section
 * (gcc's .LC23 in .rodata.cst2): copied with its section, since the kernel's
 * symbol table has no such label. */
bool is_merge_literal(const struct sym *s);
void correlate(struct ctx *c);			/* correlate.c */
/* counter-names.c: NAME made with __COUNTER__ (__UNIQUE_ID_*, __BTF_ID__*,
 * __initcall__*): OUT is it with its numbers as '#'; false for other names
 * (or one too long for OUT). */
bool counter_key(const char *name, char *out, size_t outlen);
bool same_counter_key(const char *a, const char *b);
/* Pairs the uncorrelated counter-named symbols of one key by their order. */
void correlate_counter_names(struct ctx *c);
void mark_ignored(struct ctx *c);		/* compare.c */
void compare(struct ctx *c);
void check_refusals(struct ctx *c);
bool same_constant(const struct sym *p, const struct sym *o);
/* notrace.c: a changed local function without an ftrace entry is reached
 * by patching its callers (they become changed; it is marked via_callers). */
void patch_notrace_callers(struct ctx *c);
/* The function whose code holds offset OFF of SEC (a .cold part's parent). */
struct sym *function_at(const struct sec *sec, GElf_Sxword off);
/* notrace.c: SEC's relocations are references at run time. */
bool may_refer(const struct sec *sec);
/* For a refusal of a function: why it is patched at all when its own code
 * did not change ("" when it did). */
const char *why_patched(const struct sym *s);
/* compare.c: an .init.* or .exit.* section (gone after boot, or discarded). */
bool is_init_exit(const struct sec *sec);
/* const-data.c: a changed static constant that only code reads is copied
 * into the patch, and every function reading it is patched. */
void renew_const_data(struct ctx *c);
/* compare.c: the first existing variable of a data section, or NULL. */
const struct sym *data_object(const struct sec *sec);
bool include_changes(struct ctx *c);		/* include.c: false when nothing changed */
/* A changed function the patch redirects (listed in c->funcs). */
bool is_patched_func(const struct sym *s);
void include_sec(struct sec *sec);
void include_closure(struct ctx *c);
/* Include what a relocation of included code (or kept entry) needs. */
void include_need(const struct ctx *c, struct sec *from, struct rel *r);
bool is_excluded(const struct sec *sec);
struct synth *synth_new(struct ctx *c, const char *name, GElf_Word type, GElf_Xword flags, GElf_Xword align);
void synth_rel(struct synth *s, GElf_Addr off, unsigned type, GElf_Sxword addend, struct sym *sym);
void include_special(struct ctx *c);		/* special.c */
/* module-keys.c: a kept .static_call_sites entry (as below) on a key of
 * the module being patched is to be dropped (true): the call goes through
 * the module's trampoline. */
bool module_static_call_site(struct ctx *c, const struct rel *rels, size_t first, size_t last, size_t start);
/* module-keys.c: a kept __jump_table entry (relocations RELS[FIRST, LAST),
 * entry at START of ESZ bytes) on a module's tracepoint key: its site is
 * recorded as always enabled, and the entry is to be dropped (true). */
bool module_tracepoint_site(struct ctx *c, const struct rel *rels, size_t first, size_t last, size_t start,
			    size_t esz);
/* module-keys.c: writes the LEN bytes W puts at its site into P; true when
 * the jump needs a PC32 relocation at OFF+1 to TARGET+ADDEND-4 (its target
 * is in another section). */
bool site_bytes(const struct site_rewrite *w, unsigned char *p);
/* klp.c: is a reference to SYM from included code a plain relocation?
 * Exported symbols, and undefined ones the parent does not define (another
 * object of the patch may). */
bool klp_is_exported(struct ctx *c, const struct sym *sym);
/* SYM, another module's export the original already uses, stays a plain
 * relocation (the patch module will depend on that module): its owner, or
 * NULL when SYM is no such export. */
const char *klp_keep_export_plain(struct ctx *c, struct sym *sym);
void klp_target(struct ctx *c, const struct sym *sym, const char *user, struct klp_target *t);
/* layout.c: refuses an aggregate whose layout differs between the two
 * objects' DWARF, unless allowed by name. */
void check_struct_layouts(struct ctx *c);
void layout_free(void);
/* cold.c: a patched function's .cold part is appended to its section and
 * symbol, so that the unpatch transition sees a task inside it. */
void join_cold_parts(struct ctx *c);
/* tailcall.c: a patched function's jump to code only the patch carries
 * becomes a call from a stub at the end of that function; carried code
 * whose address the patch hands out gets a note. */
void cover_tail_calls(struct ctx *c);
void note_taken_addresses(struct ctx *c);
void write_output(struct ctx *c);		/* write.c */
void write_free(void);
/* main.c: free everything the passes hold, so that another run can start
 * in the same process (the fuzz harness, after an error). */
void cdo_free_all(void);
void special_free(void);
bool is_special_name(const char *name);
/* A special section: rebuilt entry by entry from the patched object alone,
 * so never compared; its relocations (many: ORC, return sites) are read
 * only by include_special. */
bool is_special(const struct sec *sec);
/* code cut into per-function pieces (.altinstr_replacement, .fixup,
 * .altinstr_aux): included piece by piece, never whole (special.c) */
bool is_split(const struct sec *sec);

#endif
