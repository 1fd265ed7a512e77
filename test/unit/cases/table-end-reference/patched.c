/* A function walks a static table up to its end (`p < table + N`): gas
 * writes the end as .bss.table + 0x400, an offset just past the variable.
 * The patched function adds 2 instead of 1. */
#include "kmacros.h"
struct ent { long a, b; };
static struct ent table[64];
long sum_table(void)
{
	long s = 0;

	for (struct ent *p = table; p < table + 64; p++)
		s += p->a;
	return s + 2;
}
void set_ent(int i, long v) { table[i].a = v; }
