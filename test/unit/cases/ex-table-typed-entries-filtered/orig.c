/* Two functions with an entry each in the special section; only one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
extern struct static_key sc_key;
int changed(int *p)
{
	int r = *p;
	ex_load_typed(r, p);
	return r + 1;
}
int same(int *p)
{
	int r = *p;
	ex_load_typed(r, p);
	return r + 9;
}
