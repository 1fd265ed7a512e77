/* The second source: its own __func__.0, named as the first source's. */
#include "kmacros.h"
int second_fn(int v)
{
	if (v > 100)
		printk_indexed("second %d\n", v);
	return v * 2;
}
