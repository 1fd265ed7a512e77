/* A changed static const table reached through another one (a table of
 * tables, like nested netlink policies). */
#include "kmacros.h"
static const int small[2] = { 1, 2 };
static const int large[2] = { 100, 300 };
static const int *const sizes[2] = { small, large };
int size_of(int kind, int i) { return sizes[kind & 1][i & 1]; }
