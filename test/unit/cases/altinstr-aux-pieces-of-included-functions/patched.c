/* static_cpu_has() tests the CPU's feature bit in code it puts in
 * .altinstr_aux, one piece per use, which jumps back into its function.
 * Only the pieces of included functions may be copied: a piece of another
 * function would jump into code the patch does not have (objtool, run on
 * the whole patch module on IBT kernels, gives up on the module). */
#include "kmacros.h"
extern unsigned char boot_flags;
static __attribute__((always_inline)) inline int has_feature(void)
{
	asm goto("jmp 6f\n"
		 ".pushsection .altinstr_aux,\"ax\"\n"
		 "6: testb $1, boot_flags(%%rip)\n"
		 " jnz %l[t_yes]\n"
		 " jmp %l[t_no]\n"
		 ".popsection\n" : : : : t_yes, t_no);
t_yes:
	return 1;
t_no:
	return 0;
}
int first(int x)
{
	return has_feature() ? x + 3 : x;
}
int second(int x)
{
	return has_feature() ? x * 2 : x;
}
