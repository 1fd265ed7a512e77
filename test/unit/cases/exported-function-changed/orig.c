/* An EXPORT_SYMBOL_GPL'd function changes (its ___ksymtab_gpl+NAME entry
 * points at it). */
#include "kmacros.h"
int exported_api(int x) { return x + 1; }
EXPORT_SYMBOL_GPL(exported_api);
