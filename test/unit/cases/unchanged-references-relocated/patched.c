/* A changed function uses an unchanged static function, existing static data
 * and a non-exported global: all stay in the kernel, none is copied. */
#include "kmacros.h"
extern int ext_internal(int);
static int state = 3;
static noinline int helper(int x) { barrier(); return x + state; }
int user(int x) { state++; return helper(x) - ext_internal(x); }
int keep_helper(int x) { return helper(x + 1); }
