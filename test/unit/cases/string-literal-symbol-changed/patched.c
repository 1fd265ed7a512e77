/* clang keeps a string literal referenced with an offset as a local
 * STT_OBJECT .L.str.N in .rodata.str1.1 (written here in asm so gcc makes
 * the same shape). The literal g returns a suffix of changes. */
#include "kmacros.h"
asm(".pushsection .rodata.str1.1,\"aMS\",@progbits,1\n"
    ".type .L.str.7,@object\n"
    ".L.str.7:\n"
    ".asciz \"prefix:other-value\"\n"
    ".size .L.str.7, 19\n"
    ".popsection\n");
const char *g(void)
{
	const char *p;

	asm("movq $.L.str.7+7, %0" : "=r" (p));
	return p;
}
