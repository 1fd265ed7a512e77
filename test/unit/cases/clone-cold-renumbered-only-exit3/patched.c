/* A clone with a .cold part (helper.constprop.18 and helper.constprop.18.cold,
 * gcc's real split of the unlikely path); the other build numbers it 19.
 * Named with an asm label so gcc's choice does not matter. Nothing else differs. */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
extern int ext_internal(int);
static int helper(int x) __asm__("helper.constprop.19");
static noinline int helper(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		return ext_internal(x) - 1;
	}
	return x + 1;
}
int caller(int x) { return helper(x) + 1; }
