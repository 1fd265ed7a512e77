/* A function's static buffer grows. */
#include "kmacros.h"
int fill(int x)
{
	static char buf[32];
	buf[x & 31] = 1;
	return buf[0];
}
