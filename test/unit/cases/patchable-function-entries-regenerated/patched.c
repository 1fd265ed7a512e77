/* Built with -fpatchable-function-entry=16,16 (x86 call padding: 16 bytes
 * before each function): each function has an entry in its
 * own __patchable_function_entries section; only one function changes. */
#include "kmacros.h"
int changed(int x) { return x + 2; }
int same(int x) { return x + 9; }
