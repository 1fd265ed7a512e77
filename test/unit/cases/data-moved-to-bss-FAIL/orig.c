/* An initialised global becomes zero-initialised: its section moves from
 * .data.level to .bss.level. */
#include "kmacros.h"
int level = 1;
int get_level(void) { return level; }
