/* f with objtool's tables as a return-thunk kernel has them: its return
 * listed in .return_sites, an unwind entry at its first instruction (the
 * entry state) and one inside it. */
#include "kmacros.h"
asm(".pushsection .orc_unwind_ip,\"a\"\n.long f - .\n.long f + 5 - .\n.popsection\n"
    ".pushsection .orc_unwind,\"a\"\n.short 8, 0\n.byte 0x15, 0\n.short 16, 0\n.byte 0x15, 0\n.popsection\n");
int f(int x) { objtool_site(".return_sites"); return x + 1; }
