/* A module's function makes a static call on a key the module defines (a
 * tracepoint's tp_func_NAME), and one on an exported vmlinux key. */
#include "kmacros.h"
extern struct static_key mod_sc_key;
extern struct static_key kernel_sc_key;
int mod_fn(int *p)
{
	int r = *p;
	static_call_site(&mod_sc_key);
	static_call_site(&kernel_sc_key);
	return r + 2;
}
