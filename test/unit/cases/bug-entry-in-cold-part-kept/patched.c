/* The WARN sits on the unlikely path that gcc moves to fn.cold, so its
 * __bug_table entry points into .text.unlikely.fn. */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
int fn(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		__WARN();
		return -1;
	}
	return x + 2;
}
