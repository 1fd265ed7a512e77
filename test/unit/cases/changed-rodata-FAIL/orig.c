/* An existing global constant table changes. */
#include "kmacros.h"
const int table[4] = { 1, 2, 3, 4 };
int f(int i) { return table[i & 3]; }
