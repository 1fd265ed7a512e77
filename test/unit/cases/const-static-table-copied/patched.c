/* A file-scope static const table, read by two functions, changes. */
#include "kmacros.h"
static const int limits[4] = { 10, 20, 30, 45 };
int limit_of(int i) { return limits[i & 3]; }
int total_limits(void) { return limits[0] + limits[1] + limits[2] + limits[3] + (int)(long)&limits; }
