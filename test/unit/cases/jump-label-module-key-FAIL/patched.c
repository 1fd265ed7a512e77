/* A module's function tests a static key the module itself defines. */
#include "kmacros.h"
struct static_key mod_key;
int mod_fn(int x)
{
	if (static_branch_unlikely(&mod_key))
		return x + 2;
	return x;
}
