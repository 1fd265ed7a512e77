/* .altinstructions entries of 14 bytes, as x86_64 kernels from 6.3 on lay
 * out struct alt_instr (a 32-bit ft_flags: cpuid and flags). Two functions
 * have one each; one changes. */
#include "kmacros.h"
#define ALT14(oldinstr, newinstr, feature)				\
	asm volatile("661:\n\t" oldinstr "\n662:\n"			\
		     ".pushsection .altinstructions,\"a\"\n"		\
		     " .long 661b - .\n"				\
		     " .long 6641f - .\n"				\
		     " .long " #feature "\n"				\
		     " .byte 662b-661b\n"				\
		     " .byte 6651f-6641f\n"				\
		     ".popsection\n"					\
		     ".pushsection .altinstr_replacement, \"ax\"\n"	\
		     "6641:\n\t" newinstr "\n6651:\n"			\
		     ".popsection\n" ::: "memory")
int changed(int x)
{
	ALT14("nop", "pause", 42);
	return x + 2;
}
int same(int x)
{
	ALT14("nop", "lfence", 43);
	return x + 9;
}
