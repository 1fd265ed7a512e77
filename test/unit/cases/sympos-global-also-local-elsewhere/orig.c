/* gdup is global here and static in other.c. */
#include "kmacros.h"
noinline int gdup(int x) { barrier(); return x * 3; }
int user(int x) { return gdup(x) + 1; }
