/* Same length string, different text: bytes and relocations are equal. */
#include "kmacros.h"
int greeter(int x)
{
	printk("hello %d\n", x);
	return x;
}
