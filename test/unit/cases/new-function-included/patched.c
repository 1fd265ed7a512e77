/* The patch adds a helper and calls it. */
#include "kmacros.h"
static noinline int new_helper(int x) { barrier(); return x * 7; }
int f(int x) { return new_helper(x) + 1; }
