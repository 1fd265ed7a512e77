/* Two (then three) functions with a static local each called count: gcc
 * numbers them from the end (first: count.1 then count.2). */
#include "kmacros.h"
int first(int x) { static int count; count += x; return count; }
int second(int x) { static int count; count -= x; return count; }
