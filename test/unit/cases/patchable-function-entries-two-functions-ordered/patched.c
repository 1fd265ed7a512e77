/* Built with -fpatchable-function-entry=16,16: gcc 12 puts the entries of
 * all functions into one __patchable_function_entries section, in link
 * order after the first function's section. Two of three change. */
#include "kmacros.h"
int first(int x) { return x + 1; }
int second(int x) { return x + 20; }
int third(int x) { return x + 30; }
