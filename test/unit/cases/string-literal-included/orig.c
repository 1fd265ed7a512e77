/* The patch adds a message. */
#include "kmacros.h"
int f(int x) { return x + 1; }
