/* A local notrace helper whose alternative's replacement jumps to a label
 * of its own (as the kernel's alternative_has_cap_likely() does) changes.
 * The jump's relocation, from .altinstr_replacement into the helper's body,
 * is the helper's own code, not a use of its address. */
#include "kmacros.h"
extern int ext_internal(int);
static noinline notrace int helper(int x)
{
	asm goto(ALTERNATIVE("jmp %l[l_no]", "jmp %l[l_yes]", 5) : : : : l_yes, l_no);
l_no:
	return ext_internal(x) + 1;
l_yes:
	return ext_internal(x) + 100;
}
int caller_a(int x)
{
	return helper(x) + 10;
}
int bystander(int x)
{
	return ext_internal(x) + 30;
}
