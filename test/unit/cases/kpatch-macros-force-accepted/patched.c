/* A function changes; the patch, written for kpatch's kpatch-macros.h, asks
 * KPATCH_FORCE_UNSAFE for it (.kpatch.force: a global pointer). */
#include "kmacros.h"
int f(int x) { return x + 2; }
void *__kpatch_force_func_f __section(".kpatch.force") = f;
