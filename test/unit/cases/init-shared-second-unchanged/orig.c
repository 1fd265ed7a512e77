/* Two __init functions share .init.text; the patched build adds a new one
 * before the second, so the second moves but is unchanged, and so is the
 * function taking its address: no change but the new __init function. */
#include "kmacros.h"
noinline int __init init_one(int x) { barrier(); return x + 1; }
noinline int __init init_two(void) { barrier(); return 2; }
void *two_addr(void) { return init_two; }
int f(int x) { return x; }
