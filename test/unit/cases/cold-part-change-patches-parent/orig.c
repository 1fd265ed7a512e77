/* Only the unlikely path, which gcc moves to fn.cold, changes. */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
extern int ext_internal(int);
int fn(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		return ext_internal(x) - 1;
	}
	return x + 1;
}
