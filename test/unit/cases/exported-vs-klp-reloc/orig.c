/* One exported and one non-exported kernel function called from changed code. */
#include "kmacros.h"
extern int ext_exported(int);
extern int ext_internal(int);
int f(int x) { return ext_exported(x) + ext_internal(x); }
