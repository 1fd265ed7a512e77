/* The patch adds global, static, zeroed and constant variables. */
#include "kmacros.h"
int f(int x) { return x + 1; }
