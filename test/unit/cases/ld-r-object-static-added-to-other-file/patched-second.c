/* The second source of the object: its static tmp is the running kernel's;
 * second_fn changes. */
#include "kmacros.h"
static int tmp;
int second_fn(int v) { tmp += 2 * v; return tmp; }
