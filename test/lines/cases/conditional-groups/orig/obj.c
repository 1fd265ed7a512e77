#include "lines.h"

#define LIVE 1

#ifdef NOT_DEFINED
int skipped(int a)
{
	return a + 1;
}
#endif

void between(int x)
{
	might_sleep();
	WARN_ON(x > 1);
}

int changed(int a)
{
#ifdef LIVE
	a *= 2;
#else
	a *= 4;
#endif
	return a;
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
