/* Run as kpatch runs the differ alone: SYMTAB is the original object's own
 * symbol table, SYMVERS is /dev/null. The changed function uses a static
 * helper, a global of the object, a global it does not define and _printk. */
#include "kmacros.h"
extern int other_global;
static noinline __used int helper(int x) { barrier(); return x * 2; }
noinline int obj_global(int x) { barrier(); return x * 3; }
int user(int x)
{
	printk("x=%d\n", x);
	return helper(x) + obj_global(x) + other_global + 2;
}
