/* A local notrace helper (a static inline kept out of line, as
 * SYSCALL_DEFINE's __do_sys_X is) with a .cold part that jumps back into
 * it; its hot path changes. */
#include "kmacros.h"
extern void cold_fail(void) __attribute__((__cold__));
extern int ext_internal(int);
static noinline notrace int __do_sys_helper(int x)
{
	int y = ext_internal(x);

	if (unlikely(y > 100)) {
		cold_fail();
		y = ext_internal(y);
	}
	return y + 1;
}
int caller(int x)
{
	return __do_sys_helper(x) + 10;
}
