/* The fix moves a loop out of f into a new exported helper (a stable fix
 * whose other half, in another module, calls the helper). */
#include "kmacros.h"
noinline int sum_all(int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; barrier(); return s; }
EXPORT_SYMBOL_GPL(sum_all);
int f(int *v, int n) { return sum_all(v, n) + 1; }
