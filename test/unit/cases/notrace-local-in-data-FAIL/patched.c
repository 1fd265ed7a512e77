/* A local notrace function that changes is also stored in a table: a call
 * through the table's pointer would still reach the old code. */
#include "kmacros.h"
extern int ext_internal(int);
static noinline notrace int helper(int x)
{
	return ext_internal(x) + 2;
}
int (*const helper_table[])(int) = { helper };
int caller_a(int x)
{
	return helper(x) + 10;
}
