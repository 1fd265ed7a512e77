/* Identical sources (only a comment differs): nothing to patch. */
#include "kmacros.h"
int a(int x) { return x + 1; }
int b(int x) { return a(x) * 2; }
int counter = 4;
