#include "lines.h"

/*
 * after() checks x.
 * A new line of comment,
 * and another.
 * It may sleep.
 */
void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
