/* Two functions with an indexed printk each; only one changes. */
#include "kmacros.h"
int changed(int x)
{
	printk_indexed("changed %d\n", x);
	return x + 2;
}
int same(int x)
{
	printk_indexed("same %d\n", x);
	return x + 9;
}
