/* An existing initialised variable gets a new value. */
#include "kmacros.h"
int limit = 10;
int f(int x) { return x < limit; }
