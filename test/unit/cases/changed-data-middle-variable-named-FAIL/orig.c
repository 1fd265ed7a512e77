/* Three variables in one named section; the middle one is 10. */
#include "kmacros.h"
int low_limit __section(".data..read_mostly") = 3;
int mid_limit __section(".data..read_mostly") = 10;
int high_limit __section(".data..read_mostly") = 30;
int f(int x) { return x < low_limit || x == mid_limit || x > high_limit; }
