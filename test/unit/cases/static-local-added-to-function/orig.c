/* The patch gives an existing function a static local it did not have. */
#include "kmacros.h"
int tally(int x)
{
	return x * 2;
}
