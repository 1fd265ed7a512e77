/* A printk with a .printk_index entry (CONFIG_PRINTK_INDEX). */
#include "kmacros.h"

/* a comment moves everything below down two lines */
int talker(int x)
{
	printk_indexed("talker %d\n", x);
	return x + 1;
}
