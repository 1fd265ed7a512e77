/* A function's static buffer grows. */
#include "kmacros.h"
int fill(int x)
{
	static char buf[16];
	buf[x & 15] = 1;
	return buf[0];
}
