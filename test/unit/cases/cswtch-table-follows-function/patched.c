/* gcc turns this switch into a lookup table CSWTCH.N (static, .rodata);
 * the patch changes one value in it. */
#include "kmacros.h"
int weight(int x)
{
	switch (x) {
	case 0: return 11;
	case 1: return 23;
	case 2: return 37;
	case 3: return 41;
	case 4: return 58;
	case 5: return 61;
	case 6: return 73;
	default: return 0;
	}
}
