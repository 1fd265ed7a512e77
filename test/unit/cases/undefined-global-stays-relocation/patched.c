/* The patched function calls new_helper, a new global function that
 * another object of the same patch defines: it is neither in the parent's
 * symbol table nor in Module.symvers. */
#include "kmacros.h"
extern int new_helper(int x);
int caller(int x) { return new_helper(x) + 1; }
