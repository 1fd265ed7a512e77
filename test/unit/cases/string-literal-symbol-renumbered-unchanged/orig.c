/* clang numbers its .L.str.N string literals per object: h stops using its
 * literal, so g's "prefix:value" is .L.str.4 before and .L.str.3 after,
 * the name h's "xx:aaa" had. */
#include "kmacros.h"
asm(".pushsection .rodata.str1.1,\"aMS\",@progbits,1\n"
    ".type .L.str.3,@object\n"
    ".L.str.3:\n"
    ".asciz \"xx:aaa\"\n"
    ".size .L.str.3, 7\n"
    ".type .L.str.4,@object\n"
    ".L.str.4:\n"
    ".asciz \"prefix:value\"\n"
    ".size .L.str.4, 13\n"
    ".popsection\n");
const char *h(void)
{
	const char *p;

	asm("movq $.L.str.3+3, %0" : "=r" (p));
	return p;
}
const char *g(void)
{
	const char *p;

	asm("movq $.L.str.4+7, %0" : "=r" (p));
	return p;
}
