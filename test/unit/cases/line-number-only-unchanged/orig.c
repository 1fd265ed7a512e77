/* Only the line number passed to __might_sleep() by might_sleep() moves
 * (printk arguments are no line numbers: printk-immediate-changed). */
#include "kmacros.h"
int sleeper(int x)
{
	might_sleep();
	return x + 1;
}
