/* A function with a static local variable; the patch adds another function
 * with a static local after it, so gcc renumbers (calls.0 -> calls.1). */
#include "kmacros.h"
int counter(int x)
{
	static int calls;
	calls += 2 * x;
	return calls;
}
int newcomer(int x)
{
	static int seen;
	seen += x;
	return seen;
}
