/* A module's function tests a static key exported by vmlinux. */
#include "kmacros.h"
extern struct static_key kernel_key;
int mod_fn(int x)
{
	if (static_branch_unlikely(&kernel_key))
		return x + 2;
	return x;
}
