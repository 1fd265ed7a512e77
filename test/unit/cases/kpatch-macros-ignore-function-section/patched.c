/* Three functions change; the patch, written for kpatch's kpatch-macros.h,
 * ignores one by function (.kpatch.ignore.functions: a global pointer) and
 * one by section (.kpatch.ignore.sections: a pointer to the name). */
#include "kmacros.h"
int f(int x) { return x + 2; }
int g(int x) { return x + 2; }
int h(int x) { return x + 2; }
/* kpatch's layout, as its KPATCH_IGNORE_FUNCTION and KPATCH_IGNORE_SECTION
 * write it */
void *__kpatch_ignore_func_g __section(".kpatch.ignore.functions") = g;
char *__kpatch_ignore_section_7 __section(".kpatch.ignore.sections") = ".text.h";
