/* A function calls a label of a code blob in a shared section that is not
 * per function (.altinstr_aux); the patched build adds an entry before it
 * and changes the code at the label: changed. */
#include "kmacros.h"
asm(".pushsection .altinstr_aux,\"ax\"\n"
    "aux_a: movl $1, %eax\n ret\n"
    "aux_b: movl $2, %eax\n ret\n"
    ".popsection\n");
noinline int f(int x) { int r; asm volatile("call aux_b" : "=a"(r)); return r + x; }
