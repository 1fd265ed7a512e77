/* Boot-time (__initdata) data: read during boot, then freed. */
#include "kmacros.h"
static int __initdata boot_level = 1;
int __init setup_level(void) { return boot_level; }
int f(int x) { return x; }
