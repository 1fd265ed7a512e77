/* The first source of an object linked with ld -r from two (see expect:
 * object): a printk whose index entry names the function (__func__.0 here,
 * used by that entry only, not by the code). */
#include "kmacros.h"
int first_fn(int v)
{
	if (v < 0)
		printk_indexed("first %d\n", v);
	return v + 1;
}
