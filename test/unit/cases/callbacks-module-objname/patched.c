/* The patch adds pre-patch and post-unpatch callbacks. */
#include "kmacros.h"
int f(int x) { return x + 2; }
static int my_pre(void) { return 0; }
static void my_post(void) { }
KPATCH_PRE_PATCH_CALLBACK(my_pre);
KPATCH_POST_UNPATCH_CALLBACK(my_post);
