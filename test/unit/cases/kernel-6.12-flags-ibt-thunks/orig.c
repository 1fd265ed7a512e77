/* Compiled with the flags of Debian's 6.12 kernel (from a .cmd file of its
 * build): ENDBR before the __fentry__ call, 16 bytes of call padding,
 * return and indirect-call thunks, SLS hardening. One function changes. */
#include "kmacros.h"
int (*hook)(int);
int changed(int x) { return hook ? hook(x) + 1 : x; }
int same(int x) { return hook ? hook(x) + 9 : x; }
