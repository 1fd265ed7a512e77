/* A static function with a compiler suffix (helper.constprop.0); the patched build numbers
 * it differently (helper.constprop.1). Named with an asm label so gcc's choice does not
 * matter. Only its caller changes. */
#include "kmacros.h"
static int helper(int x) __asm__("helper.constprop.1");
static noinline __used int helper(int x) { barrier(); return x * 5; }
int caller(int x) { return helper(x) + 2; }
