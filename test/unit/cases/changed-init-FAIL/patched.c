/* Boot-time (__init) code changes: it has already run and been freed. */
#include "kmacros.h"
int __init setup_thing(void) { return 2; }
int f(int x) { return x; }
