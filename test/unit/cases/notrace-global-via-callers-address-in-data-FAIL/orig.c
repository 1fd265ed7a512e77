/* Another object of the parent stores gfn's address in an ops table: a call
 * through the table reaches the old gfn, whatever the patch does. */
#include "kmacros.h"
extern int gfn(int);
struct ops { int (*fn)(int); };
const struct ops gfn_ops = { .fn = gfn };
int user_a(int x)
{
	return gfn(x) + 1;
}
