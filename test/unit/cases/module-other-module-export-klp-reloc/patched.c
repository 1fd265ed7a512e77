/* A function of module mymod calling an export of othermod, which mymod
 * depends on; the patch also calls another export of othermod. */
#include "kmacros.h"
extern int other_fn(int x);
extern int other_new(int x);
int mod_fn(int x) { return other_fn(x) + other_new(x) + 2; }
