/* A module's function tests, likely-style (key + 1 in the jump entry), a
 * static key the module defines as a file-local variable. */
#include "kmacros.h"
static struct static_key feature_key __used;
int mod_fn(int x)
{
	if (static_branch_likely(&feature_key))
		return x + 1;
	return x;
}
