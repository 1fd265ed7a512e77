/* f now tail-calls a new helper. */
#include "kmacros.h"
asm(".pushsection .orc_unwind_ip,\"a\"\n.long f - .\n.long f + 5 - .\n.popsection\n"
    ".pushsection .orc_unwind,\"a\"\n.short 8, 0\n.byte 0x15, 0\n.short 16, 0\n.byte 0x15, 0\n.popsection\n");
static noinline int new_helper(int x) { barrier(); return x * 7; }
int f(int x) { objtool_site(".return_sites"); return new_helper(x + 1); }
