/* Base of the hostile-input checks (lib/hostile.sh): a changed function with
 * a static local, a call to an unchanged static (a klp relocation in the
 * output, so create-klp-module has work) and a call to an export. */
#include "kmacros.h"
extern int ext_exported(int);
static int counter;
static noinline int helper(int x) { return x + counter++; }
noinline int changed(int x)
{
	static int calls;

	calls++;
	return helper(x) + ext_exported(calls) + 2;
}
