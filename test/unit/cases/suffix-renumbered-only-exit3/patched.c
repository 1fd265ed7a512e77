/* A static function with a compiler suffix (helper.isra.0); the other build numbers
 * it differently (helper.isra.1). Named with an asm label so gcc's choice does not
 * matter. Nothing else differs. */
#include "kmacros.h"
static int helper(int x) __asm__("helper.isra.1");
static noinline __used int helper(int x) { barrier(); return x * 5; }
int caller(int x) { return helper(x) + 1; }
