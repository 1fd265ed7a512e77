/* A module's function traces an event of a tracepoint the module defines. */
#include "kmacros.h"
struct tracepoint { const char *name; struct static_key key; void *funcs; };
extern struct tracepoint __tracepoint_mod_event;
extern int trace_slow(int);
int mod_fn(int x)
{
	if (static_branch_unlikely(&__tracepoint_mod_event.key))
		return trace_slow(x);
	return x + 1;
}
