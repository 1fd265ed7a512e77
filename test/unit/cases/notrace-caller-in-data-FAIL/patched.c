/* A local notrace function changes; its notrace caller, unchanged, is
 * reached through its own callers too, but its address is in a table. */
#include "kmacros.h"
extern int ext_internal(int);
static noinline notrace int helper(int x)
{
	return ext_internal(x) + 2;
}
static noinline notrace int middle(int x)
{
	return helper(x) * 3;
}
int (*const middle_table[])(int) = { middle };
int caller_a(int x)
{
	return middle(x) + 10;
}
