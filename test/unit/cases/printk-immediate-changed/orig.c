/* printk arguments are no line numbers: a printed __LINE__ that moves
 * and a printed limit that changes are both changes of output. */
#include "kmacros.h"
#define LIMIT 10
int talker(int x)
{
	printk("talker at line %d\n", __LINE__);
	return x;
}
int limiter(int x)
{
	if (x > 5)
		printk("limit %d\n", LIMIT);
	return x;
}
