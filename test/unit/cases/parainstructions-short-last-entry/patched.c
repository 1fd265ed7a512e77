/* .parainstructions of older kernels: each entry is aligned to 8 before it,
 * none after, so the last one is 12 bytes instead of 16. The function with
 * the last entry changes. */
#include "kmacros.h"
#define para_site(insn, type)						\
	asm volatile("771:\n\t" insn "\n772:\n"			\
		     ".pushsection .parainstructions,\"a\"\n"		\
		     ".balign 8\n"					\
		     ".quad 771b\n"					\
		     ".byte " #type "\n"				\
		     ".byte 772b-771b\n"				\
		     ".short 0\n"					\
		     ".popsection\n" ::: "memory")
int same(int x)
{
	para_site("nop", 3);
	return x + 9;
}
int changed(int x)
{
	para_site("nop", 4);
	return x + 2;
}
