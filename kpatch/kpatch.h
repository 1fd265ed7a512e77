/* SPDX-License-Identifier: GPL-2.0 */
/* kpatch: shared declarations of the CLI's parts. */
#ifndef KPATCH_H
#define KPATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Exit codes, documented in `kpatch help` and kpatch(1). */
enum {
	EXIT_OK = 0,
	EXIT_ERROR = 1,      /* I/O, missing file, not found */
	EXIT_USAGE = 2,
	EXIT_REFUSED = 3,    /* the module is not for this kernel or not a livepatch */
	EXIT_KERNEL = 4,     /* the kernel refused to load or unload */
	EXIT_STALLED = 5,    /* the transition did not finish and was reversed */
	EXIT_TRANSITION = 6, /* status: a patch is in transition */
	EXIT_FAILED = 7,     /* status: a patch is loaded but disabled */
};

/* --- paths.c: every file the CLI touches, under an optional test root --- */
/* KPATCH_ROOT (tests only) prefixes every path: /sys, /proc, /run, /var/lib/kpatch, /lib/modules. */
const char *path(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *running_kver(void);
char *read_line(const char *file);           /* first line, newline cut; NULL if unreadable */
bool write_str(const char *file, const char *s);
bool is_dir(const char *p);
bool is_file(const char *p);
char *xstrdup(const char *s);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char **list_dir(const char *dir, const char *suffix);  /* sorted, NULL-terminated */
void free_list(char **names);

/* --- modinfo.c: a module's .modinfo and patched functions, read with libelf --- */
struct modinfo {
	char *name, *vermagic, *livepatch, *version, *description, *license, *srcversion;
	char *depends;       /* modules it needs loaded first, comma-separated (modpost's) */
	char **funcs;        /* "object:function,pos" from .livepatch.funcs */
	size_t nfuncs;
	char **klp_fix;      /* every klp_fix= value, "N:FIELD=VALUE" (doc/modinfo-keys.md) */
	size_t nklp_fix;
};
/* Returns EXIT_OK, or with *why set to a sentence (after the file name):
 * EXIT_ERROR when FILE cannot be read (missing, a directory, I/O),
 * EXIT_REFUSED when it is not a usable x86_64 module (header, sections). */
int modinfo_read(const char *file, struct modinfo *mi, const char **why);
void modinfo_free(struct modinfo *mi);
/* The release a vermagic string is for: its first word. */
char *vermagic_release(const char *vermagic);

/* --- fixes.c: what a module fixes, from its klp_fix strings (doc/modinfo-keys.md) --- */
struct fix {
	unsigned long n;                        /* the patch's position at build time */
	const char *patch, *subject, *upstream; /* NULL when not recorded */
	const char **cves, **tags;              /* tags: the Fixes: lines */
	size_t ncves, ntags;
};
struct fixes {
	struct fix *v;                          /* in order of n; values point into the modinfo */
	size_t n;
};
struct cve_set {
	const char **v;
	size_t n;
};
void fixes_from(const struct modinfo *mi, struct fixes *out);
void fixes_free(struct fixes *fx);
void fixes_print(const struct fixes *fx, const char *indent);
void fixes_json(const struct fixes *fx);
void cve_set_add(struct cve_set *set, const struct fixes *fx);
void cve_set_finish(struct cve_set *set);  /* sorted (CVE numbers as numbers), each once */

/* --- modfile.c: where patch modules' files are --- */
struct modindex {                            /* installed modules of a kernel, by name */
	struct modentry *v;
	size_t n;
};
const char *module_dir(size_t i, const char *kver);  /* i-th place modules are installed; NULL past the end */
void modindex_build(struct modindex *idx, const char *kver);
const char *modindex_find(const struct modindex *idx, const char *name);
void modindex_free(struct modindex *idx);
void record_loaded(const char *name, const char *file);
void forget_loaded(const char *name);
bool loaded_modinfo(const char *name, const struct modindex *idx, struct modinfo *mi, char **file, char **why);
void say_not_installed(const char *name, const char *kver);

/* --- stack.c: loaded patches in the order the livepatch core stacks them --- */
bool livepatch_supported(void);              /* /sys/kernel/livepatch exists */
enum stack_source { STACK_KERNEL, STACK_LOADED, STACK_NAMES };
extern const char *const stack_source_words[];  /* what the order is, in words */
/* Bottom first; *source: where the order comes from. */
char **stacked_patches(enum stack_source *source);

/* --- json.c --- */
void json_str(const char *s);
void json_str_or_null(const char *s);
void json_str_array(const char *const *v, size_t n);

/* --- livepatch.c: the kernel's livepatch sysfs --- */
int wait_transition(const char *name, int timeout_s, int signal_after_s);
void print_blocking_tasks(const char *name);
char *sysfs_name(const char *name);          /* module name as sysfs spells it (- -> _) */

/* --- list.c --- */
const char *patch_state(const char *name);  /* enabled, disabled, patching, unpatching */

/* --- verbs --- */
int cmd_load(int argc, char **argv);
int cmd_unload(int argc, char **argv);
int cmd_install(int argc, char **argv);
int cmd_uninstall(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_signal(int argc, char **argv);

/* Waits, in seconds (kpatch's defaults), overridable by load/unload options. */
extern int opt_wait, opt_signal_wait;

#endif
