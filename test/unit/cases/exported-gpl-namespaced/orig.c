/* Kernel functions called from changed code: exported by vmlinux, exported
 * by another module, and not exported. */
#include "kmacros.h"
extern int ext_exported(int);
extern int ext_internal(int);
extern int ext_other(int);
int f(int x) { return ext_exported(x) + ext_internal(x) + ext_other(x); }
