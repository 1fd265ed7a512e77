/* fn and fn2 each use a static local (asm labels fix the names) on their
 * hot path; in the patched build each uses it only on its unlikely path,
 * which gcc splits into fn.cold and fn2.cold, and both statics are
 * renumbered (calls.3 -> calls.4, calls.5 -> calls.6). */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
static int fn_calls __asm__("calls.3");
static int fn2_calls __asm__("calls.5");
int fn(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		return 0;
	}
	fn_calls += x;
	return x + 1;
}
int fn2(int x)
{
	if (unlikely(x > 100)) {
		cold_fail();
		return 0;
	}
	fn2_calls += x;
	return x + 1;
}
