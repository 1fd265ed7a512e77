/* A static const table whose address existing data holds. */
#include "kmacros.h"
static const int steps[4] = { 1, 2, 4, 16 };
struct holder { const int *table; int n; };
struct holder holder = { steps, 4 };
int step(int i) { return steps[i & 3]; }
