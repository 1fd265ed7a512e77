/* A module whose MODULE_AUTHOR and MODULE_ALIAS strings change length (the
 * kernel's __UNIQUE_ID_<tag><counter> variables in .modinfo); a function
 * changes too. */
#include "kmacros.h"
static const char __UNIQUE_ID_author12[] __used __section(".modinfo") __attribute__((aligned(1))) =
	"author=A. Author <a@example.org>";
static const char __UNIQUE_ID_alias13[] __used __section(".modinfo") __attribute__((aligned(1))) =
	"alias=devname:foo";
MODULE_LICENSE("GPL");
int mod_fn(int x) { return x + 1; }
