/* The patch adds a global and a static variable. */
#include "kmacros.h"
int new_global = 5;
static int new_static = 7;
static int new_zero;
int f(int x) { new_static += x; new_zero ^= x; return x + new_global + new_static + new_zero; }
