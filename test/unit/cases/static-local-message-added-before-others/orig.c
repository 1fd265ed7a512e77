/* Messages as NL_SET_ERR_MSG makes them: a static const array per use,
 * __msg.N numbered through the object. */
#include "kmacros.h"
extern void report(const char *msg);
#define ERR_MSG(m) do { static const char __msg[] = m; report(__msg); } while (0)
int check(int x)
{
	if (x == 1) {
		ERR_MSG("first problem");
		return -1;
	}
	if (x == 2) {
		ERR_MSG("second problem");
		return -2;
	}
	return 0;
}
