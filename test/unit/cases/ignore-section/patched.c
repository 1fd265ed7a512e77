/* A data section changes, but the patch asks for it to be ignored. */
#include "kmacros.h"
int tunable = 2;
int f(int x) { return x * tunable; }
KPATCH_IGNORE_SECTION(".data.tunable");
