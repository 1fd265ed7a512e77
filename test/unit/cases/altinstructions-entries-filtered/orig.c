/* Two functions with an entry each in the special section; only one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
extern struct static_key sc_key;
int changed(int *p)
{
	int r = *p;
	alternative("nop", "pause", 42);
	return r + 1;
}
int same(int *p)
{
	int r = *p;
	alternative("nop", "pause", 42);
	return r + 9;
}
