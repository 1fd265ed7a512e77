/* A static variable and a static local (calls.0) whose names also occur in
 * the object linked before this one. */
#include "kmacros.h"
static int level __used = 7;
int count(int x)
{
	static int calls;
	calls += x * level + 1;
	return calls;
}
