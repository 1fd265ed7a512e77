/* Two functions with an entry each in the special section; only one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
extern struct static_key sc_key;
int changed(int *p)
{
	int r = *p;
	WARN_ON(r > 5);
	return r + 2;
}
int same(int *p)
{
	int r = *p;
	WARN_ON(r > 5);
	return r + 9;
}
