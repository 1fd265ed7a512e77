/* Another object of the fake parent with a static of the global's name. */
#include "kmacros.h"
static noinline __used int gdup(int x) { barrier(); return x - 3; }
int other_user(int x) { return gdup(x); }
