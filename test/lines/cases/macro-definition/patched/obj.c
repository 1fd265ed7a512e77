#include "lines.h"

#define CALC(a)			\
	((a) * 3 +		\
	 (a) / 2 +		\
	 1)

int changed(int a)
{
	return CALC(a);
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
