/* The patch, written for kpatch's kpatch-macros.h, adds the four callbacks
 * in kpatch's sections (.kpatch.callbacks.KIND: { fn, objname }). */
#include "kmacros.h"
int f(int x) { return x + 2; }
static int my_pre(void) { return 0; }
static void my_post(void) { }
static void my_pre_un(void) { }
static void my_post_un(void) { }
struct kpatch_callback { void *fn; char *objname; };
static struct kpatch_callback kpatch_pre_patch_data __used
	__section(".kpatch.callbacks.pre_patch") = { (void *)my_pre, 0 };
static struct kpatch_callback kpatch_post_patch_data __used
	__section(".kpatch.callbacks.post_patch") = { (void *)my_post, 0 };
static struct kpatch_callback kpatch_pre_unpatch_data __used
	__section(".kpatch.callbacks.pre_unpatch") = { (void *)my_pre_un, 0 };
static struct kpatch_callback kpatch_post_unpatch_data __used
	__section(".kpatch.callbacks.post_unpatch") = { (void *)my_post_un, 0 };
