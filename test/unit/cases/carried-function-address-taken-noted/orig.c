/* f registers the kernel's own callback. */
#include "kmacros.h"
void register_cb(void (*cb)(int));
void old_cb(int x) { barrier(); }
void f(void) { register_cb(old_cb); }
