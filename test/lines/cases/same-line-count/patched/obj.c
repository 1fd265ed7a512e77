#include "lines.h"

int grows(int a)
{
	return a + 1;
}

void between(int x)
{
	might_sleep();
	WARN_ON(x > 1);
}

int shrinks(int a)
{
	a *= 3;
	a += 3;
	return a;
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
