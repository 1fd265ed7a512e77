/* The patch adds a message. */
#include "kmacros.h"
int f(int x) { printk("f called with %d\n", x); return x + 1; }
