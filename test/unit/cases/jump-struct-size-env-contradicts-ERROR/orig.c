/* Three functions with a 16-byte __jump_table entry each (48 bytes, also a
 * multiple of 24); one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
int changed(int x)
{
	if (static_branch_unlikely(&kernel_key))
		return x + 100;
	return x + 1;
}
int same(int x)
{
	if (static_branch_unlikely(&kernel_key))
		return x + 200;
	return x + 9;
}
int same2(int x)
{
	if (static_branch_unlikely(&kernel_key))
		return x + 300;
	return x + 7;
}
