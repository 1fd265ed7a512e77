/* The patch adds pre-patch and post-unpatch callbacks. */
#include "kmacros.h"
int f(int x) { return x + 1; }
