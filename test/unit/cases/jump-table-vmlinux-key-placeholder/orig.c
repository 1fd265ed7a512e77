/* A jump label on a key vmlinux defines but does not export: the key is a
 * livepatch relocation. objtool, run on the whole patch module on IBT
 * kernels, needs a relocation for every entry's key (it gives up on the
 * module without one: "can't find key reloc"). */
#include "kmacros.h"
extern struct static_key kernel_key;
int changed(int *p)
{
	int r = *p;
	if (static_branch_likely(&kernel_key)) r++;
	return r + 1;
}
