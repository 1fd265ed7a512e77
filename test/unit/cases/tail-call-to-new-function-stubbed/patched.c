/* The patch moves f's work into a new helper, which f tail-calls. */
#include "kmacros.h"
static noinline int new_helper(int x) { barrier(); return x * 7; }
int f(int x) { return new_helper(x + 1); }
