/* __func__ is a static local too (__func__.N in .rodata), but constant:
 * the patch stops printing it. */
#include "kmacros.h"
int report(int x)
{
	printk("%s: %d\n", __func__, x);
	return x;
}
