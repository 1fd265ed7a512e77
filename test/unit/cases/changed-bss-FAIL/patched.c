/* A zero-initialised variable becomes initialised: .bss.x -> .data.x. */
#include "kmacros.h"
int x_state = 1;
int f(void) { return x_state; }
