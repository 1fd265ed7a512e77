/* The first source of an object linked with ld -r from two (see expect:
 * object): a static x and a static helper, named as in the second source;
 * first_fn changes. */
#include "kmacros.h"
static int x;
static noinline int helper(int v) { barrier(); return v * 3; }
int first_fn(int v) { x += 1 * helper(v); return x; }
