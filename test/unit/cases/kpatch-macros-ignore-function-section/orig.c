/* Three functions change; the patch, written for kpatch's kpatch-macros.h,
 * ignores one by function (.kpatch.ignore.functions: a global pointer) and
 * one by section (.kpatch.ignore.sections: a pointer to the name). */
#include "kmacros.h"
int f(int x) { return x + 1; }
int g(int x) { return x + 1; }
int h(int x) { return x + 1; }
