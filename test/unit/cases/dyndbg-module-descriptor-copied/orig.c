/* A module's function with a pr_debug() changes: its dynamic debug
 * descriptor (and the static key in it) belongs to the module. */
#include "kdyndbg.h"
extern int ext_internal(int);
int chatty(int x)
{
	pr_debug("chatty %d\n", x);
	return ext_internal(x) + 1;
}
int other(int x)
{
	pr_debug("other %d\n", x);
	return ext_internal(x) + 2;
}
