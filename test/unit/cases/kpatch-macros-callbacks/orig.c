/* The patch, written for kpatch's kpatch-macros.h, adds the four callbacks
 * in kpatch's sections (.kpatch.callbacks.KIND: { fn, objname }). */
#include "kmacros.h"
int f(int x) { return x + 1; }
