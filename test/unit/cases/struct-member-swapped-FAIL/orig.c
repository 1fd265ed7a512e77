/* Two members of one size: the layout's size and offsets stay. */
#include "kmacros.h"
struct range {
	short lo;
	short hi;
};

int range_width(struct range *r)
{
	return r->hi - r->lo;
}

struct pair {
	int a;
};

int pair_get(struct pair *p)
{
	return p->a;
}
