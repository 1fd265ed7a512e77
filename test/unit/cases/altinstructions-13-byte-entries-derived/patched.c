/* .altinstructions entries of 13 bytes (with the padlen byte of older
 * kernels). Two functions have one each; one changes. */
#include "kmacros.h"
#define ALT13(oldinstr, newinstr, feature)				\
	asm volatile("661:\n\t" oldinstr "\n662:\n"			\
		     ".pushsection .altinstructions,\"a\"\n"		\
		     " .long 661b - .\n"				\
		     " .long 6641f - .\n"				\
		     " .word " #feature "\n"				\
		     " .byte 662b-661b\n"				\
		     " .byte 6651f-6641f\n"				\
		     " .byte 0\n"					\
		     ".popsection\n"					\
		     ".pushsection .altinstr_replacement, \"ax\"\n"	\
		     "6641:\n\t" newinstr "\n6651:\n"			\
		     ".popsection\n" ::: "memory")
int changed(int x)
{
	ALT13("nop", "pause", 42);
	return x + 2;
}
int same(int x)
{
	ALT13("nop", "lfence", 43);
	return x + 9;
}
