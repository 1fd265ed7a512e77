/* A function of module mymod, using its own static and global functions and
 * an exported kernel function. */
#include "kmacros.h"
static noinline __used int mod_helper(int x) { barrier(); return x + 4; }
noinline int mod_global(int x) { barrier(); return x * 4; }
int mod_fn(int x) { printk("x=%d\n", x); return mod_helper(x) + mod_global(x); }
