/* A printk with a .printk_index entry (CONFIG_PRINTK_INDEX). */
#include "kmacros.h"
int talker(int x)
{
	printk_indexed("talker %d\n", x);
	return x;
}
