/* A WARN_ONCE-style flag (static local in .data.once) that the patch drops. */
#include "kmacros.h"
int check(int x)
{
	return x + 1;
}
