/* Only the line numbers passed to might_sleep()/printk-style helpers move. */
#include "kmacros.h"
int sleeper(int x)
{
	might_sleep();
	return x + 1;
}
int talker(int x)
{
	printk("talker at line %d\n", __LINE__);
	return x;
}
