/* A switch gcc compiles to a jump table in .rodata.pick (no symbol of its
 * own, entries pointing into pick); one case changes. */
#include "kmacros.h"
extern int ext_internal(int);
int pick(int x)
{
	switch (x) {
	case 0: return ext_internal(1);
	case 1: return ext_internal(7) + 3;
	case 2: return x * 9;
	case 3: return ext_internal(x) - 2;
	case 4: return 45;
	case 5: return ext_internal(5) * 3;
	case 6: return 12;
	default: return -1;
	}
}
int other(int x) { return x + 2; }
