/* The only change is in a data section the patch asks to ignore. */
#include "kmacros.h"
int tunable = 2;
int f(int x) { return x + tunable; }
KPATCH_IGNORE_SECTION(".data.tunable");
