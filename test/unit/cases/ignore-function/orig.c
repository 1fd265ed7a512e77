/* Two functions change; the patch marks one to be ignored. */
#include "kmacros.h"
int f(int x) { return x + 1; }
int g(int x) { return x + 1; }
