/* Same bytes, different call target: only the relocation differs. */
#include "kmacros.h"
extern int ext_internal(int);
extern int ext_other(int);
int f(int x) { return ext_other(x); }
