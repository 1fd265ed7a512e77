/* Two functions change; the patch marks one to be ignored. */
#include "kmacros.h"
int f(int x) { return x + 2; }
int g(int x) { return x + 2; }
KPATCH_IGNORE_FUNCTION(g);
