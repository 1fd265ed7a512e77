#include "lines.h"

void before(int x)
{
	WARN_ON(x > 1);
}

int changed(int a)
{
	return a + 1;
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
