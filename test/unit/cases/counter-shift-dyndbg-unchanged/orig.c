/* pr_debug() descriptors are named with __COUNTER__ (__UNIQUE_ID_ddebugN). */
#include "kdyndbg.h"
extern int ext_internal(int);
int chatty(int x)
{
	pr_debug("chatty %d\n", x);
	return ext_internal(x) + 1;
}
int talky(int x)
{
	pr_debug("talky %d\n", x);
	pr_debug("talky again %d\n", x);
	return ext_internal(x) + 2;
}
