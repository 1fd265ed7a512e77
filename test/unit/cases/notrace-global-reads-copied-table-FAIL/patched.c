/* A global notrace function whose code does not change reads a static
 * const table that does (by index: the compiler cannot fold the values). */
#include "kmacros.h"
static const int limits[5] = { 10, 20, 30, 45, 50 };
int limit_of(int i) { return limits[i & 3]; }
notrace int twice_limit_of(int i) { return 2 * limits[i & 3]; }
