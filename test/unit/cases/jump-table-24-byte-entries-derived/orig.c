/* Jump labels of older kernels: 24-byte __jump_table entries of absolute
 * quads (code, target, key). Two functions have one each; one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
static inline __attribute__((__always_inline__)) int old_static_branch(struct static_key *const key)
{
	asm goto("1:\t.byte 0x0f,0x1f,0x44,0x00,0x00\n\t"
		 ".pushsection __jump_table, \"aw\"\n\t"
		 ".balign 8\n\t"
		 ".quad 1b, %l[l_yes], %c0\n\t"
		 ".popsection\n\t"
		 : : "i" (key) : : l_yes);
	return 0;
l_yes:
	return 1;
}
int changed(int x)
{
	if (old_static_branch(&kernel_key))
		return x + 100;
	return x + 1;
}
int same(int x)
{
	if (old_static_branch(&kernel_key))
		return x + 200;
	return x + 9;
}
