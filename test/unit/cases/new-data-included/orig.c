/* The patch adds a global and a static variable. */
#include "kmacros.h"
int f(int x) { return x + 1; }
