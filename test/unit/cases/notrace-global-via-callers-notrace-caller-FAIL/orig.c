/* Another object calls gfn from a global notrace function of its own
 * (lib/ is built without ftrace): that caller cannot be patched either. */
#include "kmacros.h"
extern int gfn(int);
noinline notrace int lib_user(int x)
{
	return gfn(x) + 1;
}
