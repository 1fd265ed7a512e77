/* The only change is in a function the patch marks to be ignored. */
#include "kmacros.h"
int f(int x) { return x + 1; }
int g(int x) { return x + 1; }
