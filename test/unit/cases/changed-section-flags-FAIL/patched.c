/* The same variable in the same named section, writable then read-only. */
#include "kmacros.h"
const int knob __section(".knobs") = 1;
int f(void) { return knob; }
