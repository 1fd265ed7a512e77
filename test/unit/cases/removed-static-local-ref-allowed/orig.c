/* A function stops using its static local variable. */
#include "kmacros.h"
int tick(int x)
{
	static int ticks;
	ticks += x;
	return ticks;
}
