/* The second source of the object: its own static x and helper (other
 * symbols than the first source's of the same names). */
#include "kmacros.h"
static int x;
static noinline int helper(int v) { barrier(); return v * 5; }
int second_fn(int v) { x -= 1 * helper(v); return x; }
