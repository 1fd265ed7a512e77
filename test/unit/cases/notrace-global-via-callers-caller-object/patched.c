/* Another object of the parent: it calls gfn, a global notrace function
 * that the patch changes in its own object. Nothing changes here. */
#include "kmacros.h"
extern int gfn(int);
extern int ext_internal(int);
static noinline notrace int local_wrap(int x)
{
	return gfn(x) * 3;
}
int user_a(int x)
{
	return gfn(x) + 1;
}
int user_b(int x)
{
	return local_wrap(x) + 2;
}
int bystander(int x)
{
	return ext_internal(x) + 30;
}
