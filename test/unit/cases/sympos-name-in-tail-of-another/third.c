/* A third object of the fake parent with the same static names as obj.c. */
#include "kmacros.h"
int third_helper(int x);
int third_helper(int x) { return x; }
static noinline __used int helper(int x) { barrier(); return x + 11; }
static noinline __used int dup(int x) { barrier(); return x - 11; }
int third_user(int x) { return helper(x) + dup(x); }
