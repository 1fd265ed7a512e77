/* WARN_ONCE-style flags live in .data.once; adding one is allowed. */
#include "kmacros.h"
int f(int x)
{
	DO_ONCE_LITE_IF(x > 10, printk("big\n"));
	return x;
}
