/* f computes its result itself. */
#include "kmacros.h"
int f(int x) { return x + 1; }
