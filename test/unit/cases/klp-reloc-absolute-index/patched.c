/* Indexing an existing static array: gcc addresses it absolutely
 * (table(,%rax,4), R_X86_64_32S against .data.table). */
#include "kmacros.h"
static int table[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
int lookup(int i) { return table[i & 7] + 2; }
int poke(int i, int v) { table[i & 7] = v; return 0; }
