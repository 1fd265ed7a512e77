/* A (string, int) call like __might_sleep(file, line), but to another
 * function: its second argument is not a line number. */
#include "kmacros.h"
extern int ext_two(const char *s, int n);
int f(void) { return ext_two("limit", 11); }
