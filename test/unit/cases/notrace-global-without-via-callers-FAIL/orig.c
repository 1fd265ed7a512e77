/* A global notrace function (the kernel's `inline` implies notrace) that
 * other objects of the parent call too, and a caller in its own file. */
#include "kmacros.h"
extern int ext_internal(int);
noinline notrace int gfn(int x)
{
	return ext_internal(x) + 1;
}
int caller_a(int x)
{
	return gfn(x) + 10;
}
int bystander(int x)
{
	return ext_internal(x) + 30;
}
