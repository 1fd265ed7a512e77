/* Two functions with an entry each in the special section; only one changes. */
#include "kmacros.h"
extern struct static_key kernel_key;
extern struct static_key sc_key;
int changed(int *p)
{
	int r = *p;
	static_call_site(&sc_key);
	return r + 1;
}
int same(int *p)
{
	int r = *p;
	static_call_site(&sc_key);
	return r + 9;
}
