/* Code built into vmlinux (KBUILD_MODNAME set, not MODULE): its .modinfo
 * strings carry the module's name (crypto_user.import_ns=CRYPTO_INTERNAL,
 * crypto_user.license=GPL); a function changes. */
#define KBUILD_MODNAME "crypto_user"
#include "kmacros.h"
MODULE_IMPORT_NS(CRYPTO_INTERNAL);
MODULE_LICENSE("GPL");
int builtin_fn(int x) { return x + 2; }
