/* clang puts a switch lookup table in a section of its own with no symbol
 * (.rodata..Lswitch.table.FN), reached through the section symbol (written
 * in asm so gcc makes the same shape). The patch changes one value. */
#include "kmacros.h"
asm(".pushsection .rodata..Lswitch.table.weight,\"a\"\n"
    ".balign 4\n"
    ".Lweights:\n"
    ".long 11, 23, 38, 41\n"
    ".popsection\n");
int weight(long x)
{
	int r;

	asm("movl .Lweights(,%1,4), %0" : "=r" (r) : "r" (x & 3));
	return r;
}
