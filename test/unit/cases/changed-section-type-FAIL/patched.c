/* The same section, NOBITS then PROGBITS (same zero contents). */
#include "kmacros.h"
asm(".pushsection .scratch,\"aw\",@progbits\n"
    ".globl scratch\n.type scratch,@object\nscratch:\n.zero 16\n.size scratch,16\n"
    ".popsection\n");
extern int scratch[4];
int f(void) { return scratch[0]; }
