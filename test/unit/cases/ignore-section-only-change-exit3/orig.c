/* The only change is in a data section the patch asks to ignore. */
#include "kmacros.h"
int tunable = 1;
int f(int x) { return x + tunable; }
