/* helper and dup are static here and in other objects of the parent. */
#include "kmacros.h"
int my_helper_x(int x);
int my_helper_x(int x) { return x; }
static noinline __used int helper(int x) { barrier(); return x * 2; }
static noinline __used int dup(int x) { barrier(); return x * 3; }
int user(int x) { return helper(x) + 1; }
