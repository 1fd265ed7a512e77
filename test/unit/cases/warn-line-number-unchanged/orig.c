/* Only the line numbers in WARN/BUG entries (__bug_table) move. */
#include "kmacros.h"
int checker(int x)
{
	WARN_ON(x > 5);
	BUG_ON(x > 100);
	return x * 2;
}
