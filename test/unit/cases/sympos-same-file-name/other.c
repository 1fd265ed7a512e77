/* Another obj.c (same base name, another directory, as drivers' core.c
 * files are): it has a static helper too, but different other locals. */
#include "kmacros.h"
static noinline __used int helper(int x) { barrier(); return x + 10; }
static noinline __used int unrelated(int x) { barrier(); return x - 10; }
int other_user(int x) { return helper(x) + unrelated(x); }
