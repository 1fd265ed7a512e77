/* Static call trampolines as ARCH_DEFINE_STATIC_CALL_TRAMP makes them:
 * notrace code, all in one .static_call.text. */
#include "kmacros.h"
extern int ext_internal(int);
asm(".pushsection .static_call.text, \"ax\"\n"
    ".globl __SCT__b\n.type __SCT__b, @function\n"
    "__SCT__b:\n\tjmp ext_internal\n\tud1 %esp, %ecx\n\t.align 8\n"
    ".size __SCT__b, . - __SCT__b\n"
    ".popsection\n");
int fn(int x)
{
	return ext_internal(x) + 1;
}
