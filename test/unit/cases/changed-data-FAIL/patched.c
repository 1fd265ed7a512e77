/* An existing initialised variable gets a new value. */
#include "kmacros.h"
int limit = 20;
int f(int x) { return x < limit; }
