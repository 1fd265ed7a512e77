/* The patch adds a table of function pointers to existing functions. */
#include "kmacros.h"
extern int ext_internal(int);
static noinline __used int helper(int x) { barrier(); return x + 1; }
static int (*const ops[2])(int) = { helper, ext_internal };
int dispatch(int i, int x) { return ops[i & 1](x); }
