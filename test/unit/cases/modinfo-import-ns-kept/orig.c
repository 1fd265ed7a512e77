/* A module with a namespace import and a license tag; a function changes. */
#include "kmacros.h"
MODULE_IMPORT_NS(CRYPTO_INTERNAL);
MODULE_LICENSE("GPL");
int mod_fn(int x) { return x + 1; }
