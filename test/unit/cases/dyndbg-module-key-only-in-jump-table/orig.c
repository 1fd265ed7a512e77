/* A module's function with a dynamic debug call that passes no descriptor
 * (btrfs_debug, _dynamic_func_call_no_desc): only the jump label uses it. */
#include "kmacros.h"
struct _ddebug { const char *modname, *function, *filename, *format; unsigned int lineno; struct static_key key; };
extern int debug_call(int);
int chatty(int x)
{
	static struct _ddebug __attribute__((__section__("__dyndbg"), __aligned__(8), __used__))
		desc = { "mymod", "chatty", "obj.c", "chatty %d\n", 7 };
	if (static_branch_unlikely(&desc.key))
		debug_call(x);
	return x + 1;
}
