/* A static inline helper with a static local, inlined into two callers:
 * both reference the one variable; the patch changes one caller and adds a
 * static local elsewhere so gcc renumbers. */
#include "kmacros.h"
static inline int bump(int x)
{
	static int total;
	total += x;
	return total;
}
int caller_a(int x) { return bump(x) + 1; }
int caller_b(int x) { return bump(x) * 2; }
