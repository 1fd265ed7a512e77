#include "lines.h"

/*
 * after() checks x.
 * It may sleep.
 */
void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
