#include "lines.h"

#define LIVE 1

#ifdef NOT_DEFINED
#ifdef LIVE
int skipped_outer(int a)
{
	return a + 1;
}
#endif
int skipped_too;
#endif

void between(int x)
{
	might_sleep();
	WARN_ON(x > 1);
}

#ifdef LIVE
#ifdef NOT_DEFINED
int skipped_inner(int a)
{
	return a + 2;
}
#endif
int live_var;
#endif

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
