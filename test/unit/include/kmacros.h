/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-like macros for unit case sources: each emits the same special-section
 * entries, with the same layout and entry size, as the x86_64 Linux 6.1 macro
 * (or objtool pass) it is named after. Cases are compiled with -nostdinc, so
 * everything a case needs lives here.
 */
#ifndef KMACROS_H
#define KMACROS_H

#define __used		__attribute__((__used__))
#define noinline	__attribute__((__noinline__))
#define notrace		__attribute__((__no_instrument_function__))
#define __section(s)	__attribute__((__section__(s)))
#define __init		__section(".init.text") __attribute__((__cold__))
#define __initdata	__section(".init.data")
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	asm volatile("" ::: "memory")

/* Entry sizes (bytes), as kpatch-build reads them from the kernel's DWARF. */
#define BUG_ENTRY_SIZE		12	/* struct bug_entry, DEBUG_BUGVERBOSE */
#define JUMP_ENTRY_SIZE		16	/* struct jump_entry */
#define ALT_ENTRY_SIZE		12	/* struct alt_instr */
#define EX_ENTRY_SIZE		12	/* struct exception_table_entry */
#define PARA_ENTRY_SIZE		16	/* struct paravirt_patch_site */
#define ORC_ENTRY_SIZE		6	/* struct orc_entry */
#define STATIC_CALL_ENTRY_SIZE	8	/* struct static_call_site */

/* __bug_table: bug_addr, file (relative), line, flags; ud2 in the text. */
#define BUGFLAG_WARNING		(1 << 0)
#define _BUG_FLAGS(flags)						\
	asm volatile("1:\t.byte 0x0f, 0x0b\n"				\
		     ".pushsection __bug_table,\"aw\"\n"		\
		     "2:\t.long 1b - .\n"				\
		     "\t.long %c0 - .\n"				\
		     "\t.word %c1\n"					\
		     "\t.word %c2\n"					\
		     "\t.org 2b+%c3\n"					\
		     ".popsection\n"					\
		     : : "i" (__FILE__), "i" (__LINE__), "i" (flags),	\
			 "i" (BUG_ENTRY_SIZE))
#define BUG()		do { _BUG_FLAGS(0); __builtin_unreachable(); } while (0)
#define __WARN()	_BUG_FLAGS(BUGFLAG_WARNING)
#define WARN_ON(c)	({ int __c = !!(c); if (unlikely(__c)) __WARN(); unlikely(__c); })
#define BUG_ON(c)	do { if (unlikely(c)) BUG(); } while (0)

/* might_sleep()/printk-style helpers that take the line as an argument. */
extern void __might_sleep(const char *file, int line);
#define might_sleep()	__might_sleep(__FILE__, __LINE__)
extern int _printk(const char *fmt, ...);
#define printk(...)	_printk(__VA_ARGS__)
#define pr_info(fmt, ...) _printk("\0016" fmt, ##__VA_ARGS__)

/* .printk_index (CONFIG_PRINTK_INDEX): a pointer per printk call site to a
 * static struct pi_entry describing it. */
struct pi_entry {
	const char *fmt;
	const char *func;
	const char *file;
	unsigned int line;
	const char *level;
	const char *subsys_fmt_prefix;
};
#define printk_index_emit(_fmt, _level) do {				\
	static const struct pi_entry _entry __used = {			\
		.fmt = _fmt, .func = __func__, .file = __FILE__,	\
		.line = __LINE__, .level = _level,			\
		.subsys_fmt_prefix = 0,					\
	};								\
	static const struct pi_entry *_entry_ptr __used			\
		__section(".printk_index") = &_entry;			\
	} while (0)
#define printk_indexed(fmt, ...) ({ printk_index_emit(fmt, "\0016");	\
	_printk(fmt, ##__VA_ARGS__); })

/* WARN_ONCE-style flag: .data.once changes are allowed. */
#define DO_ONCE_LITE_IF(c, stmt) ({					\
	static int __section(".data.once") __already;			\
	int __ret = !!(c);						\
	if (unlikely(__ret && !__already)) { __already = 1; stmt; }	\
	unlikely(__ret); })

/* __jump_table: code, target (relative), key + branch (relative quad). */
struct static_key { int enabled; };
static inline __attribute__((__always_inline__)) int
arch_static_branch(struct static_key *const key, const int branch)
{
	asm goto("1:\t.byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
		 ".pushsection __jump_table, \"aw\"\n\t"
		 ".balign 8\n\t"
		 ".long 1b - .\n\t"
		 ".long %l[l_yes] - .\n\t"
		 ".quad %c0 + %c1 - .\n\t"
		 ".popsection\n\t"
		 : : "i" (key), "i" (branch) : : l_yes);
	return 0;
l_yes:
	return 1;
}
#define static_branch_unlikely(k)	arch_static_branch((k), 0)
#define static_branch_likely(k)		(!arch_static_branch((k), 1))

/* .altinstructions (instr, repl, cpuid, lengths) + .altinstr_replacement. */
#define ALTERNATIVE(oldinstr, newinstr, feature)			\
	"661:\n\t" oldinstr "\n662:\n"					\
	".pushsection .altinstructions,\"a\"\n"			\
	" .long 661b - .\n"						\
	" .long 6641f - .\n"						\
	" .word " #feature "\n"					\
	" .byte 662b-661b\n"						\
	" .byte 6651f-6641f\n"						\
	".popsection\n"							\
	".pushsection .altinstr_replacement, \"ax\"\n"			\
	"6641:\n\t" newinstr "\n6651:\n"				\
	".popsection\n"
#define alternative(old, new, feature) \
	asm volatile(ALTERNATIVE(old, new, feature) ::: "memory")

/* __ex_table: insn, fixup (relative), type; the fixup code lives in .fixup. */
#define EX_TYPE_DEFAULT	1
#define ex_load(val, ptr)						\
	asm volatile("1:\tmovl (%1), %0\n2:\n"				\
		     ".pushsection .fixup,\"ax\"\n"			\
		     "3:\txorl %0, %0\n\tjmp 2b\n"			\
		     ".popsection\n"					\
		     ".pushsection \"__ex_table\",\"a\"\n"		\
		     ".balign 4\n"					\
		     ".long (1b) - .\n"					\
		     ".long (3b) - .\n"					\
		     ".long 1\n"					\
		     ".popsection\n"					\
		     : "=r" (val) : "r" (ptr))

/* 6.1 style: no .fixup, the entry's type tells the handler what to do and
 * the fixup address is back in the function itself. */
#define ex_load_typed(val, ptr)						\
	asm volatile("1:\tmovl (%1), %0\n2:\n"				\
		     ".pushsection \"__ex_table\",\"a\"\n"		\
		     ".balign 4\n"					\
		     ".long (1b) - .\n"					\
		     ".long (2b) - .\n"					\
		     ".long 3\n"					\
		     ".popsection\n"					\
		     : "=r" (val) : "r" (ptr))

/* .smp_locks: the address of each lock prefix. */
#define LOCK_PREFIX							\
	".pushsection .smp_locks,\"a\"\n"				\
	".balign 4\n"							\
	".long 671f - .\n"						\
	".popsection\n"							\
	"671:\n\tlock; "
static inline __attribute__((__always_inline__)) void atomic_inc(int *v)
{
	asm volatile(LOCK_PREFIX "incl %0" : "+m" (*v));
}

/* .parainstructions: instr (absolute pointer), type, len, clobbers. */
#define paravirt_alt(insn, type)					\
	asm volatile("771:\n\t" insn "\n772:\n"			\
		     ".pushsection .parainstructions,\"a\"\n"		\
		     ".balign 8\n"					\
		     ".quad 771b\n"					\
		     ".byte " #type "\n"				\
		     ".byte 772b-771b\n"				\
		     ".short 0\n"					\
		     ".balign 8\n"					\
		     ".popsection\n" ::: "memory")

/*
 * Sections objtool writes: .static_call_sites (addr, key: relative),
 * .retpoline_sites/.return_sites/.call_sites (addr: relative),
 * .orc_unwind_ip (addr: relative) with .orc_unwind (6 bytes, no relocation).
 */
#define static_call_site(key)						\
	asm volatile("1:\t.byte 0xe8, 0, 0, 0, 0\n"			\
		     ".pushsection .static_call_sites,\"a\"\n"		\
		     ".balign 4\n"					\
		     ".long 1b - .\n"					\
		     ".long %c0 - .\n"					\
		     ".popsection\n" : : "i" (key) : "memory")
#define objtool_site(sec)						\
	asm volatile("1:\tnop\n"					\
		     ".pushsection " sec ",\"a\"\n"			\
		     ".balign 4\n"					\
		     ".long 1b - .\n"					\
		     ".popsection\n" ::: "memory")
#define orc_entry(sp)							\
	asm volatile("1:\tnop\n"					\
		     ".pushsection .orc_unwind_ip,\"a\"\n"		\
		     ".long 1b - .\n"					\
		     ".popsection\n"					\
		     ".pushsection .orc_unwind,\"a\"\n"		\
		     ".short " #sp ", 0\n"				\
		     ".byte 0x15, 0\n"					\
		     ".popsection\n" ::: "memory")

/* .discard.*: annotations objtool reads; never part of a patch. */
#define annotate_reachable()						\
	asm volatile("1:\n.pushsection .discard.reachable\n"		\
		     ".long 1b - .\n.popsection\n" ::: "memory")

/* EXPORT_SYMBOL (6.1, PREL32): ___ksymtab+NAME entry + __ksymtab_strings. */
#define ___EXPORT_SYMBOL(sym, sec, ns)					\
	extern const char __kstrtab_##sym[];				\
	extern const char __kstrtabns_##sym[];				\
	asm("	.section \"__ksymtab_strings\",\"aMS\",%progbits,1\n"	\
	    "__kstrtab_" #sym ":\n"					\
	    "	.asciz \"" #sym "\"\n"					\
	    "__kstrtabns_" #sym ":\n"					\
	    "	.asciz \"" ns "\"\n"					\
	    "	.previous\n");						\
	static void *__used __section(".discard.addressable")		\
		__addressable_##sym = (void *)&sym;			\
	asm("	.section \"___ksymtab" sec "+" #sym "\", \"a\"\n"	\
	    "	.balign	4\n"						\
	    "__ksymtab_" #sym ":\n"					\
	    "	.long	" #sym "- .\n"					\
	    "	.long	__kstrtab_" #sym "- .\n"				\
	    "	.long	__kstrtabns_" #sym "- .\n"			\
	    "	.previous\n")
#define EXPORT_SYMBOL(sym)	___EXPORT_SYMBOL(sym, "", "")
#define EXPORT_SYMBOL_GPL(sym)	___EXPORT_SYMBOL(sym, "_gpl", "")

/* .modinfo strings. Code built into vmlinux (KBUILD_MODNAME defined, not
 * MODULE) prefixes each with its module's name, as 6.1's moduleparam.h. */
#if defined(KBUILD_MODNAME) && !defined(MODULE)
#define __MODULE_INFO_PREFIX	KBUILD_MODNAME "."
#else
#define __MODULE_INFO_PREFIX
#endif
#define MODULE_INFO(tag, info, id)					\
	static const char __UNIQUE_##id[] __used			\
	__section(".modinfo") __attribute__((aligned(1))) =		\
		__MODULE_INFO_PREFIX #tag "=" info
#define MODULE_IMPORT_NS(ns)	MODULE_INFO(import_ns, #ns, ns_##ns)
#define MODULE_LICENSE(l)	MODULE_INFO(license, l, license)

/* Livepatch metadata a patch author writes (see create-diff-object/FORMAT.md). */
struct livepatch_callback { void *fn; const char *objname; };
#define KPATCH_PRE_PATCH_CALLBACK(fn)					\
	static struct livepatch_callback __pre_patch_##fn __used	\
	__section(".livepatch.callbacks.pre_patch") = { (void *)fn, 0 }
#define KPATCH_POST_UNPATCH_CALLBACK(fn)				\
	static struct livepatch_callback __post_unpatch_##fn __used	\
	__section(".livepatch.callbacks.post_unpatch") = { (void *)fn, 0 }
#define KPATCH_IGNORE_FUNCTION(fn)					\
	static void *__ignore_func_##fn __used				\
	__section(".livepatch.ignore.functions") = (void *)fn
#define KPATCH_IGNORE_SECTION(s)					\
	static const char *__ignore_sec_##__LINE__ __used		\
	__section(".livepatch.ignore.sections") = s

#endif
