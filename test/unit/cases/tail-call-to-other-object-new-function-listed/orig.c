/* g's return is listed in .return_sites, as objtool lists returns. */
#include "kmacros.h"
int g(int x) { objtool_site(".return_sites"); return x - 1; }
int f(int x) { return x + 1; }
