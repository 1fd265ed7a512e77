/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dynamic debug (CONFIG_DYNAMIC_DEBUG) for unit case sources: pr_debug()
 * as x86_64 Linux 6.1 builds it: a struct _ddebug descriptor per call site
 * in __dyndbg (module, function, file, format, line), a jump label on its
 * key, and a call of __dynamic_pr_debug(&descriptor, fmt, ...).
 */
#ifndef KDYNDBG_H
#define KDYNDBG_H
#include "kmacros.h"

struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int class_id:6;
	unsigned int flags:8;
	struct { int enabled; unsigned long type; } key;	/* static_key_false */
} __attribute__((__aligned__(8)));

extern void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...);

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __DDEBUG_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define _dynamic_pr_debug(id, fmt, ...) do {				\
	static struct _ddebug __used __section("__dyndbg") id = {	\
		.modname = "obj", .function = __func__,			\
		.filename = __FILE__, .format = (fmt),			\
		.lineno = __LINE__, .class_id = 63, .flags = 0,		\
	};								\
	if (static_branch_unlikely((struct static_key *)&id.key))	\
		__dynamic_pr_debug(&id, fmt, ##__VA_ARGS__);		\
} while (0)
#define pr_debug(fmt, ...)	_dynamic_pr_debug(__DDEBUG_ID(ddebug), fmt, ##__VA_ARGS__)

#endif
