/* Two functions change, and one calls the other (a static and a global). */
#include "kmacros.h"
static noinline int inner(int x) { barrier(); return x + 1; }
noinline int middle(int x) { barrier(); return inner(x) * 2; }
int outer(int x) { return middle(x) + inner(x); }
