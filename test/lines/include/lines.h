/* Users of __LINE__ as the kernel has them: a call that passes __FILE__ and
 * __LINE__ (might_sleep), and a __bug_table entry written by inline asm
 * (WARN_ON). Shared by every case of test/lines/run. */
#ifndef LINES_H
#define LINES_H
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#define __WARN()							\
	asm volatile("1:\t.byte 0x0f, 0x0b\n"				\
		     ".pushsection __bug_table,\"aw\"\n"		\
		     "\t.long 1b - .\n"					\
		     "\t.long %c0 - .\n"				\
		     "\t.word %c1\n"					\
		     "\t.word 1\n"					\
		     ".popsection\n"					\
		     : : "i" (__FILE__), "i" (__LINE__))
#define WARN_ON(c) ({ int __c = !!(c); if (__builtin_expect(__c, 0)) __WARN(); __c; })
#endif
