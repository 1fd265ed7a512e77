/* The patch adds global, static, zeroed and constant variables. */
#include "kmacros.h"
int new_global = 5;
static int new_static = 7;
static int new_zero;
const int new_const = 9;
int f(int x) { new_static += x; new_zero ^= x; return x + new_global + new_static + new_zero + new_const; }
