#include "lines.h"

#define PICK(c, a, b) ((c) ? (a) : (b))

int changed(int a, int b)
{
	return PICK(a > 1,
		    a,
		    b);
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
