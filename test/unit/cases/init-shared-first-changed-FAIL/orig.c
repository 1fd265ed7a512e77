/* Two __init functions share .init.text; the first (global, so after the
 * static one in the symbol table) changes and the second moves. Only the
 * first is a changed __init function; the function taking the second's
 * address and the unrelated one are unchanged. */
#include "kmacros.h"
static noinline int __init init_two(void) { barrier(); return 2; }
noinline int __init init_one(int x) { barrier(); return x + init_two(); }
void *two_addr(void) { return init_two; }
int f(int x) { return x; }
