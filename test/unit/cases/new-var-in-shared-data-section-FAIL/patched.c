/* __read_mostly-style: every variable of the object in one named section. */
#include "kmacros.h"
static int old_rm __section(".data..read_mostly") = 3;
static int new_rm __section(".data..read_mostly") = 7;
int f(int x) { return x + old_rm + new_rm; }
