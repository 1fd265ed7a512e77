/* A WARN_ONCE-style flag (static local in .data.once) that the patch drops. */
#include "kmacros.h"
int check(int x)
{
	DO_ONCE_LITE_IF(x > 10, printk("big\n"));
	return x;
}
