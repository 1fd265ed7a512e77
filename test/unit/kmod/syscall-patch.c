/* A syscall patch as written for kpatch: it includes kpatch's header name
 * and defines the syscall with KPATCH_SYSCALL_DEFINE1 and the generic
 * KPATCH_SYSCALL_DEFINEx. */
#include "kpatch-syscall.h"

KPATCH_SYSCALL_DEFINE1(klp_demo, int, x)
{
	return x + 1;
}

KPATCH_SYSCALL_DEFINEx(1, _klp_demo2, int, y)
{
	return y + 2;
}
