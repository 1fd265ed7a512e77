#include "lines.h"

void before(int x)
{
	WARN_ON(x > 1);
}

int changed(int a)
{
	if (a < 0)
		return 0;
	return a + 1;
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}

int added_total = 3;
int added_count = 4;
