/* counter is static here (zero: .bss) and in other.c (initialised: .data). */
#include "kmacros.h"
static int counter;
int bump(int x) { counter += x; return counter; }
