/* f returns old_func's result (a tail call into the kernel) or its own. */
#include "kmacros.h"
noinline int old_func(int x) { barrier(); return x - 3; }
int f(int x, int y)
{
	if (y > 100)
		return old_func(x);
	return x * 7 + y;
}
