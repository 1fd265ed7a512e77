/* A struct defined inside another's definition: clang describes it under
 * the outer struct, gcc beside it. */
#include "kmacros.h"
struct outer {
	struct inner {
		int hi;
		int lo;
	} range;
	int flags;
};

int range_width(struct outer *o)
{
	return o->range.hi - o->range.lo + o->flags + 1;
}
