/* The tracing branch is in the cold part (.text.unlikely.mod_fn). */
#include "kmacros.h"
struct tracepoint { const char *name; struct static_key key; void *funcs; };
extern struct tracepoint __tracepoint_mod_event;
extern void __attribute__((__cold__)) trace_slow(int);
extern int ext_internal(int);
int mod_fn(int x)
{
	int r = ext_internal(x);
	if (static_branch_unlikely(&__tracepoint_mod_event.key)) {
		trace_slow(r);
		r = ext_internal(r * 7);
	}
	return r + 2;
}
