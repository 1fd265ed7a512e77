/* A pr_debug() whose descriptor (__dyndbg) differs only in its line. */
#include "kdyndbg.h"
extern int ext_internal(int);
int chatty(int x)
{
	pr_debug("chatty %d\n", x);
	return ext_internal(x) + 1;
}
int quiet(int x)
{
	return ext_internal(x) + 2;
}
