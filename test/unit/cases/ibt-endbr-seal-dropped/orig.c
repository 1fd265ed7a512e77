/* objtool lists in .ibt_endbr_seal the functions of a module whose ENDBR it
 * thinks unneeded (address never taken); the loader turns those ENDBRs into
 * NOPs. Here both functions have an entry; one changes. */
#include "kmacros.h"
int changed(int x) { return x + 1; }
int same(int x) { return x + 9; }
asm(".pushsection .ibt_endbr_seal, \"a\"\n"
    ".long changed - .\n"
    ".long same - .\n"
    ".popsection\n");
