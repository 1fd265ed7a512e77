/* f tail-calls a function the kernel exports. */
#include "kmacros.h"
int ext_exported(int x);
int f(int x) { return ext_exported(x + 1); }
