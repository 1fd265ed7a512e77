/* fn's unlikely path (gcc's fn.cold) is the same on both sides and jumps
 * back into fn; only the hot part of fn changes. */
#include "kmacros.h"
extern void cold_fail(int) __attribute__((__cold__));
extern int ext_internal(int);
int fn(int x)
{
	if (unlikely(x > 100)) {
		cold_fail(x);
		x = ext_internal(x);
	}
	return ext_internal(x + 1) + 1;
}
