/* fn and fn2 each use a static local (asm labels fix the names) on their
 * hot path; in the patched build each uses it only on its unlikely path,
 * which gcc splits into fn.cold and fn2.cold, and both statics are
 * renumbered (calls.3 -> calls.4, calls.5 -> calls.6). */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
static int fn_calls __asm__("calls.4");
static int fn2_calls __asm__("calls.6");
int fn(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		fn_calls += x;
		return 0;
	}
	return x + 1;
}
int fn2(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		fn2_calls += x;
		return 0;
	}
	return x + 1;
}
