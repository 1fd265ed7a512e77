/* Another object of the parent with a static variable and a static local of
 * the same names as obj.c's. */
#include "kmacros.h"
static int level __used = 4;
int other_count(int x)
{
	static int calls;
	calls += x + level;
	return calls;
}
