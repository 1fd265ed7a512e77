/* Another object of the fake parent with its own static counter. */
#include "kmacros.h"
static int counter = 5;
int other_bump(int x) { counter += x; return counter; }
