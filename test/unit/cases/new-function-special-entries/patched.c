/* The patch adds a function with a WARN and a jump label. */
#include "kmacros.h"
extern struct static_key kernel_key;
static noinline int checked(int x)
{
	WARN_ON(x > 5);
	if (static_branch_unlikely(&kernel_key))
		x++;
	return x;
}
int f(int x) { return checked(x) + 1; }
