/* The patch only withdraws the export of an existing function (modules
 * should no longer call it): nothing else changes. */
#include "kmacros.h"
int helper(int x) { return x + 1; }
