/* One function's body changes; its neighbour does not. */
#include "kmacros.h"
extern int ext_exported(int);
int unchanged(int x) { return x * 3; }
noinline int changed(int x) { return ext_exported(x) + 2; }
