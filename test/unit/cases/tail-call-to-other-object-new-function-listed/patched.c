/* f tail-calls a new global function that another file of the patch
 * defines (undefined here, unknown to the parent). */
#include "kmacros.h"
int new_global_helper(int x);
int g(int x) { objtool_site(".return_sites"); return x - 1; }
int f(int x) { return new_global_helper(x + 1); }
