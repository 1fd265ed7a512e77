/* A local notrace helper (a static inline the compiler kept out of line:
 * the kernel's `inline` implies notrace) changes; its callers do not. */
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
int caller_a(int x)
{
	return helper(x) + 10;
}
int caller_b(int x)
{
	return middle(x) + 20;
}
int bystander(int x)
{
	return ext_internal(x) + 30;
}
