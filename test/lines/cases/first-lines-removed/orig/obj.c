/* Two lines removed before the first line: */
/* the directive goes before line 1. */
extern char first_line[__LINE__];
#include "lines.h"

unsigned long first(void)
{
	return sizeof(first_line);
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
