/* The patch registers a new callback instead, and calls a new helper. */
#include "kmacros.h"
void register_cb(void (*cb)(int));
void old_cb(int x) { barrier(); }
static noinline void new_cb(int x) { barrier(); }
static noinline int new_helper(int x) { barrier(); return x + 1; }
void f(void) { register_cb(new_cb); new_helper(1); }
