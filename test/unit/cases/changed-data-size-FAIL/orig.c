/* An existing array grows. */
#include "kmacros.h"
int slots[4];
int f(int i) { return slots[i & 3]; }
