/* An existing array grows. */
#include "kmacros.h"
int slots[8];
int f(int i) { return slots[i & 3]; }
