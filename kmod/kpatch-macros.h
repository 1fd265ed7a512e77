/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kpatch-macros.h: helpers for authors of live patches.
 *
 * Include it from a patched kernel source file ("#include "kpatch-macros.h"";
 * kpatch-build puts this directory on the include path). The macros only
 * emit data into .livepatch.* sections that create-diff-object and the patch
 * module understand (create-diff-object/FORMAT.md); see
 * doc/patch-author-guide.md for when to use each.
 */
#ifndef KPATCH_MACROS_H
#define KPATCH_MACROS_H

#include <linux/compiler.h>
#include <linux/livepatch.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/static_call.h>

/* One entry per callback; create-diff-object fills in objname. */
struct livepatch_callback {
	void *fn;
	const char *objname;
};

#define __KPATCH_CALLBACK(kind, fn, type)					\
	static inline type __kpatch_##kind##_typecheck_##fn(void) { return fn; }	\
	static struct livepatch_callback __kpatch_##kind##_##fn __used		\
	__section(".livepatch.callbacks." #kind) = { .fn = (void *)fn, .objname = NULL }

/* Runs before the patch is applied to the object; non-zero refuses it. */
#define KPATCH_PRE_PATCH_CALLBACK(fn) \
	__KPATCH_CALLBACK(pre_patch, fn, int (*)(struct klp_object *))
/* Runs once the patch is fully applied. */
#define KPATCH_POST_PATCH_CALLBACK(fn) \
	__KPATCH_CALLBACK(post_patch, fn, void (*)(struct klp_object *))
/* Runs before the patch starts being removed. */
#define KPATCH_PRE_UNPATCH_CALLBACK(fn) \
	__KPATCH_CALLBACK(pre_unpatch, fn, void (*)(struct klp_object *))
/* Runs once the patch is fully removed. */
#define KPATCH_POST_UNPATCH_CALLBACK(fn) \
	__KPATCH_CALLBACK(post_unpatch, fn, void (*)(struct klp_object *))

/* Treat a changed function as unchanged (e.g. one changed only by a macro). */
#define KPATCH_IGNORE_FUNCTION(fn)						\
	static void *__kpatch_ignore_func_##fn __used				\
	__section(".livepatch.ignore.functions") = (void *)fn

#define __KPATCH_CAT2(a, b) a##b
#define __KPATCH_CAT(a, b) __KPATCH_CAT2(a, b)
/* Ignore every change in the named section (e.g. ".text.unlikely.foo"). */
#define KPATCH_IGNORE_SECTION(name)						\
	static const char *__KPATCH_CAT(__kpatch_ignore_sec_, __LINE__) __used	\
	__section(".livepatch.ignore.sections") = name

/*
 * Shadow variables: extra data attached to an existing object, since
 * existing structures cannot change size. Thin wrappers over klp_shadow_*,
 * zero-initialised, so a patch reads naturally:
 *	int *count = kpatch_shadow_get_or_alloc(obj, MY_ID, int);
 */
#define kpatch_shadow_alloc(obj, id, type) \
	((type *)klp_shadow_alloc((obj), (id), sizeof(type), GFP_KERNEL, NULL, NULL))
#define kpatch_shadow_get_or_alloc(obj, id, type) \
	((type *)klp_shadow_get_or_alloc((obj), (id), sizeof(type), GFP_KERNEL, NULL, NULL))
#define kpatch_shadow_get(obj, id, type) ((type *)klp_shadow_get((obj), (id)))
#define kpatch_shadow_free(obj, id) klp_shadow_free((obj), (id), NULL)

/*
 * Patching a system call: changing the body inside SYSCALL_DEFINEn needs
 * nothing special (the body is the static __do_sys_NAME, patched like any
 * function). Use KPATCH_SYSCALL_DEFINEn in place of SYSCALL_DEFINEn when the
 * definition itself must be rewritten: it emits the same wrappers
 * (__x64_sys_NAME, __se_sys_NAME, __do_sys_NAME) without the ftrace syscall
 * metadata, which would be new data pointing into the running kernel's
 * syscall tables.
 */
#include <linux/syscalls.h>
#define KPATCH_SYSCALL_DEFINE1(name, ...) __SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE2(name, ...) __SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE3(name, ...) __SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE4(name, ...) __SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE5(name, ...) __SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE6(name, ...) __SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

/*
 * Static calls: a patch cannot add a static_call site (the key lives in the
 * running kernel and its site table is fixed), so call through the key's
 * current target instead.
 */
#define KPATCH_STATIC_CALL(name) (static_call_query(name))

/* printk at most once per 5 s burst of 10, so a hot patched path cannot flood the log. */
#define kpatch_printk_ratelimited(fmt, ...) printk_ratelimited(fmt, ##__VA_ARGS__)

#endif /* KPATCH_MACROS_H */
