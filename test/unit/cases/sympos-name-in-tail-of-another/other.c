/* Another object of the fake parent with the same static names as obj.c. */
#include "kmacros.h"
int other_helper(int x);
int other_helper(int x) { return x; }
static noinline __used int helper(int x) { barrier(); return x + 10; }
static noinline __used int dup(int x) { barrier(); return x - 10; }
int other_user(int x) { return helper(x) + dup(x); }
