/* A static function changes; its (unchanged) caller does not. */
#include "kmacros.h"
static noinline int compute(int x) { barrier(); return x * 4; }
int api(int x) { return compute(x) + 1; }
