/* gcc's NAME.localalias: a local alias at the same address as a global
 * function, used for calls inside the file. Only the function changes. */
#include "kmacros.h"
noinline int work(int x) { barrier(); return x + 1; }
static int work_alias(int x) __asm__("work.localalias")
	__attribute__((__alias__("work")));
int user(int x) { return work_alias(x) * 2; }
