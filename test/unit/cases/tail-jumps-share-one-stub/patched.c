/* The patch adds new_helper and reaches it by a conditional jump (as
 * clang writes a conditional tail call) and by a plain tail call. */
#include "kmacros.h"
static noinline __attribute__((used)) int new_helper(int x) { barrier(); return x * 7; }
noinline int old_func(int x) { barrier(); return x - 3; }
int f(int x, int y)
{
	asm volatile("testl %0, %0\n\tjne new_helper" : : "r"(y) : "cc");
	if (y > 100)
		return old_func(x);
	return new_helper(x) + y;
}
