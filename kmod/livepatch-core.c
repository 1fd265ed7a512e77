// SPDX-License-Identifier: GPL-2.0
/*
 * The patch module's own code: turns the metadata create-diff-object wrote
 * (.livepatch.funcs and .livepatch.callbacks.*, see FORMAT.md) into a
 * klp_patch and hands it to the livepatch core.
 *
 * kpatch-build defines LIVEPATCH_REPLACE (1 = atomic replace, the default).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/slab.h>
#include <linux/string.h>

#ifndef LIVEPATCH_REPLACE
#define LIVEPATCH_REPLACE 1
#endif

struct livepatch_func {
	void *new_func;
	const char *old_name;
	const char *objname;
	unsigned long old_sympos;
};

struct livepatch_callback {
	void *fn;
	const char *objname;
};

/*
 * Code sites that create-diff-object turned into livepatch relocations also
 * carry a relocation to this function until create-klp-module removes it:
 * objtool, which kbuild runs over the linked module on kernels with IBT,
 * needs a destination for every call and jump. It is never called.
 */
void __klp_placeholder(void);
void __klp_placeholder(void)
{
}

/* Bounds come from livepatch.lds. */
extern struct livepatch_func __livepatch_funcs_start[], __livepatch_funcs_end[];
extern struct livepatch_callback __livepatch_pre_patch_start[], __livepatch_pre_patch_end[];
extern struct livepatch_callback __livepatch_post_patch_start[], __livepatch_post_patch_end[];
extern struct livepatch_callback __livepatch_pre_unpatch_start[], __livepatch_pre_unpatch_end[];
extern struct livepatch_callback __livepatch_post_unpatch_start[], __livepatch_post_unpatch_end[];

/*
 * A zero-length member in each metadata section keeps the section allocated
 * (and its bounds in module memory) when a patch has no entry of that kind.
 */
static struct livepatch_func __used __section(".livepatch.funcs") funcs_anchor[0];
static struct livepatch_callback __used __section(".livepatch.callbacks.pre_patch") pre_patch_anchor[0];
static struct livepatch_callback __used __section(".livepatch.callbacks.post_patch") post_patch_anchor[0];
static struct livepatch_callback __used __section(".livepatch.callbacks.pre_unpatch") pre_unpatch_anchor[0];
static struct livepatch_callback __used __section(".livepatch.callbacks.post_unpatch") post_unpatch_anchor[0];

enum callback_kind { PRE_PATCH, POST_PATCH, PRE_UNPATCH, POST_UNPATCH, NR_CALLBACK_KINDS };

static const struct {
	struct livepatch_callback *start, *end;
} callback_tables[NR_CALLBACK_KINDS] = {
	[PRE_PATCH]    = { __livepatch_pre_patch_start,    __livepatch_pre_patch_end },
	[POST_PATCH]   = { __livepatch_post_patch_start,   __livepatch_post_patch_end },
	[PRE_UNPATCH]  = { __livepatch_pre_unpatch_start,  __livepatch_pre_unpatch_end },
	[POST_UNPATCH] = { __livepatch_post_unpatch_start, __livepatch_post_unpatch_end },
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.replace = LIVEPATCH_REPLACE,
};

/* klp names vmlinux NULL; the metadata says "vmlinux". */
static const char *klp_objname(const char *objname)
{
	return (!objname || !strcmp(objname, "vmlinux")) ? NULL : objname;
}

static bool same_object(const char *a, const char *b)
{
	a = klp_objname(a);
	b = klp_objname(b);
	return a == b || (a && b && !strcmp(a, b));
}

/* Object names in first-seen order; objects are few (vmlinux and a module or two). */
static int collect_objects(const char **names, int max)
{
	struct livepatch_func *f;
	struct livepatch_callback *cb;
	int n = 0, i, kind;

#define ADD_NAME(name)							\
	do {								\
		for (i = 0; i < n && !same_object(names[i], (name)); i++) \
			;						\
		if (i == n && n < max)					\
			names[n++] = (name);				\
	} while (0)

	for (f = __livepatch_funcs_start; f < __livepatch_funcs_end; f++)
		ADD_NAME(f->objname);
	for (kind = 0; kind < NR_CALLBACK_KINDS; kind++)
		for (cb = callback_tables[kind].start; cb < callback_tables[kind].end; cb++)
			ADD_NAME(cb->objname);
#undef ADD_NAME
	return n;
}

static void set_callbacks(struct klp_object *obj, const char *objname)
{
	struct livepatch_callback *cb;
	int kind;

	for (kind = 0; kind < NR_CALLBACK_KINDS; kind++) {
		for (cb = callback_tables[kind].start; cb < callback_tables[kind].end; cb++) {
			if (!same_object(cb->objname, objname))
				continue;
			switch (kind) {
			case PRE_PATCH:    obj->callbacks.pre_patch = cb->fn; break;
			case POST_PATCH:   obj->callbacks.post_patch = cb->fn; break;
			case PRE_UNPATCH:  obj->callbacks.pre_unpatch = cb->fn; break;
			case POST_UNPATCH: obj->callbacks.post_unpatch = cb->fn; break;
			}
		}
	}
}

static void free_patch(void)
{
	struct klp_object *obj;

	if (!patch.objs)
		return;
	for (obj = patch.objs; obj->funcs; obj++)
		kfree(obj->funcs);
	kfree(patch.objs);
	patch.objs = NULL;
}

static int build_patch(void)
{
	size_t nfuncs = __livepatch_funcs_end - __livepatch_funcs_start;
	size_t max_objs = nfuncs, f;
	const char **names;
	int nobjs, i, kind;

	for (kind = 0; kind < NR_CALLBACK_KINDS; kind++)
		max_objs += callback_tables[kind].end - callback_tables[kind].start;
	names = kcalloc(max_objs + 1, sizeof(*names), GFP_KERNEL);
	if (!names)
		return -ENOMEM;
	nobjs = collect_objects(names, max_objs);
	patch.objs = kcalloc(nobjs + 1, sizeof(struct klp_object), GFP_KERNEL);
	if (!patch.objs) {
		kfree(names);
		return -ENOMEM;
	}

	for (i = 0; i < nobjs; i++) {
		struct klp_object *obj = &patch.objs[i];
		size_t n = 0;

		obj->name = klp_objname(names[i]);
		/* klp wants a non-NULL funcs array, empty for callback-only objects. */
		obj->funcs = kcalloc(nfuncs + 1, sizeof(struct klp_func), GFP_KERNEL);
		if (!obj->funcs) {
			kfree(names);
			free_patch();
			return -ENOMEM;
		}
		for (f = 0; f < nfuncs; f++) {
			struct livepatch_func *lf = &__livepatch_funcs_start[f];

			if (!same_object(lf->objname, names[i]))
				continue;
			obj->funcs[n].old_name = lf->old_name;
			obj->funcs[n].new_func = lf->new_func;
			obj->funcs[n].old_sympos = lf->old_sympos;
			n++;
		}
		set_callbacks(obj, names[i]);
	}
	kfree(names);
	return 0;
}

static int __init livepatch_init(void)
{
	int ret = build_patch();

	if (ret)
		return ret;
	ret = klp_enable_patch(&patch);
	if (ret)
		free_patch();
	return ret;
}

static void __exit livepatch_exit(void)
{
	free_patch();
}

module_init(livepatch_init);
module_exit(livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");

/*
 * What the patch fixes: the description and klp_fix=N:FIELD=VALUE lines
 * (kpatch-build(1), MODINFO KEYS) that kpatch-build/patch-meta --header
 * writes as MODULE_INFO() lines. kpatch-build passes
 * -DKLP_META_HEADER='"klp-meta.h"'; without it the module has no such keys.
 */
#ifdef KLP_META_HEADER
#include KLP_META_HEADER
#endif
