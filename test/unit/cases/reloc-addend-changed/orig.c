/* Same bytes, different offset into the same array: only the addend differs. */
#include "kmacros.h"
extern int ext_array[8];
int f(void) { return ext_array[1]; }
