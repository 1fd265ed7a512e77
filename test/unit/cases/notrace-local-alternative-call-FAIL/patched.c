/* A changed local notrace helper called from an alternative's replacement
 * (as alternative_call() does): that call, at the helper's entry, is in
 * code of no function, so no caller can be patched in its place. */
#include "kmacros.h"
extern int ext_internal(int);
static noinline notrace __attribute__((used)) int helper(void)
{
	return ext_internal(0) + 2;
}
int caller_a(void)
{
	alternative("call ext_internal", "call helper", 5);
	return 0;
}
