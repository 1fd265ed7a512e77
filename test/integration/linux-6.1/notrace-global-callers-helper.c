/* unshare(CLONE_VM) from a single-threaded process: the kernel allows it
 * (current_is_single_threaded() says yes), and refuses it with EINVAL while
 * the notrace-global-callers patch is in. Exit 0 on EINVAL only. Built
 * static by test/integration/run for the guest. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>

int main(void)
{
	if (unshare(CLONE_VM) == 0) {
		puts("unshare(CLONE_VM) succeeded");
		return 1;
	}
	if (errno == EINVAL) {
		puts("unshare(CLONE_VM): EINVAL");
		return 0;
	}
	perror("unshare(CLONE_VM)");
	return 2;
}
