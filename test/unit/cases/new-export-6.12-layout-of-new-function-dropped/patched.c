/* The fix moves a loop out of f into a new exported helper (a stable fix
 * whose other half, in another module, calls the helper). */
#include "kmacros.h"
/* EXPORT_SYMBOL_GPL as 6.5+ writes it: an .export_symbol entry (license,
 * namespace, address) that modpost turns into the module's export table. */
#define EXPORT_SYMBOL_GPL_612(sym)					\
	asm("	.section \".export_symbol\",\"a\"\n"			\
	    "__export_symbol_" #sym ":\n"				\
	    "	.asciz \"GPL\"\n"					\
	    "	.asciz \"\"\n"						\
	    "	.balign 8\n"						\
	    "	.quad " #sym "\n"					\
	    "	.previous\n")
noinline int sum_all(int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; barrier(); return s; }
EXPORT_SYMBOL_GPL_612(sum_all);
int f(int *v, int n) { return sum_all(v, n) + 1; }
