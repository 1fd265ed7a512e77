/* A struct whose members the patch swaps, compiled without -g: with no
 * DWARF the layout cannot be compared, so the patch is written, and the
 * engineer must be told that the check did not run. */
#include "kmacros.h"
struct pair {
	int high;
	int low;
};

int pair_span(struct pair *p)
{
	return p->high - p->low;
}
