/* A function's initialised static local gets a new initial value. */
#include "kmacros.h"
int retry(int x)
{
	static int tries = 3;
	tries -= x;
	return tries;
}
