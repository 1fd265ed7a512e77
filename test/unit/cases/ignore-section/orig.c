/* A data section changes, but the patch asks for it to be ignored. */
#include "kmacros.h"
int tunable = 1;
int f(int x) { return x + tunable; }
