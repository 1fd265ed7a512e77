/* The patch adds a function with a WARN and a jump label. */
#include "kmacros.h"
extern struct static_key kernel_key;
int f(int x) { return x + 1; }
