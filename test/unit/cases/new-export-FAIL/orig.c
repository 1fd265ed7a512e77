/* The patch only exports an existing function (a stable fix that another
 * module of the same update needs): nothing else changes. */
#include "kmacros.h"
int helper(int x) { return x + 1; }
