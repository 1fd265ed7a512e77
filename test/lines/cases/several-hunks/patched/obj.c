#include "lines.h"

int grows(int a)
{
	if (a > 100)
		return 7;
	if (a < 0)
		return 0;
	return a + 1;
}

void between(int x)
{
	might_sleep();
	WARN_ON(x > 1);
}

int shrinks(int a)
{
	return a * 3 + 2;
}

void between2(int x)
{
	WARN_ON(x > 2);
}

int modified(int a)
{
	return a + 6;
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
