/* Two members of one size: the layout's size and offsets stay. */
#include "kmacros.h"
struct range {
	short hi;
	short lo;
};

int range_width(struct range *r)
{
	return r->hi - r->lo + 1;
}

struct pair {
	int a, b;
};

int pair_get(struct pair *p)
{
	return p->a + p->b;
}
