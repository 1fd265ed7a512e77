/* The patch adds a helper and calls it. */
#include "kmacros.h"
int f(int x) { return x + 1; }
