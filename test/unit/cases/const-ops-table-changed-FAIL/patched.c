/* A static const ops table (function pointers) changes a plain member. */
#include "kmacros.h"
struct ops { int (*get)(int); int limit; };
static int get_one(int x) { return x + 1; }
static const struct ops my_ops = { .get = get_one, .limit = 11 };
int use_ops(int x) { return my_ops.get(x) > my_ops.limit; }
const struct ops *ops_of(void) { return &my_ops; }
