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

/* The callback's type is checked at compile time: the core calls it as TYPE. */
#define __KPATCH_CALLBACK(kind, func, type)					\
	_Static_assert(__builtin_types_compatible_p(__typeof__(&func), type),	\
		       #func " must be of type " #type);			\
	static struct livepatch_callback __kpatch_##kind##_##func __used	\
	__section(".livepatch.callbacks." #kind) = { (void *)func, NULL }

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
 * Patching a system call: on x86_64 the body of SYSCALL_DEFINEn is
 * __do_sys_NAME, an inline (so notrace) function that livepatch cannot
 * redirect. Write KPATCH_SYSCALL_DEFINEn in place of SYSCALL_DEFINEn in the
 * patch: the body gets another name, so the traceable wrappers
 * (__x64_sys_NAME, __ia32_sys_NAME) change and are patched instead, and the
 * ftrace syscall metadata (data of the running kernel) is left alone.
 */
#include <linux/syscalls.h>
#define __KPATCH_SYSCALL_DEFINEx(x, name, ...)					\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));		\
	static inline long __kpatch_do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	__X64_SYS_STUBx(x, name, __VA_ARGS__)					\
	__IA32_SYS_STUBx(x, name, __VA_ARGS__)					\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))		\
	{									\
		long ret = __kpatch_do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__)); \
		__MAP(x, __SC_TEST, __VA_ARGS__);				\
		__PROTECT(x, ret, __MAP(x, __SC_ARGS, __VA_ARGS__));		\
		return ret;							\
	}									\
	static inline long __kpatch_do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))
#define KPATCH_SYSCALL_DEFINE1(name, ...) __KPATCH_SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE2(name, ...) __KPATCH_SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE3(name, ...) __KPATCH_SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE4(name, ...) __KPATCH_SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE5(name, ...) __KPATCH_SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define KPATCH_SYSCALL_DEFINE6(name, ...) __KPATCH_SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

/*
 * Static calls: a patch cannot add a static_call site (the key lives in the
 * running kernel and its site table is fixed), so call through the key's
 * current target instead.
 */
#define KPATCH_STATIC_CALL(name) (static_call_query(name))

/* printk at most once per 5 s burst of 10, so a hot patched path cannot flood the log. */
#define kpatch_printk_ratelimited(fmt, ...) printk_ratelimited(fmt, ##__VA_ARGS__)

#endif /* KPATCH_MACROS_H */
