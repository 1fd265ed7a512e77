// SPDX-License-Identifier: GPL-2.0
/* A live patch of stall_target's stall_sleep(), written with the kernel's
 * livepatch API directly. */
#include <linux/livepatch.h>
#include <linux/module.h>

static int patched_stall_sleep(void)
{
	return 1;
}

static struct klp_func funcs[] = {
	{ .old_name = "stall_sleep", .new_func = patched_stall_sleep },
	{ }
};

static struct klp_object objs[] = {
	{ .name = "stall_target", .funcs = funcs },
	{ }
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int __init stall_patch_init(void)
{
	return klp_enable_patch(&patch);
}

static void __exit stall_patch_exit(void)
{
}

module_init(stall_patch_init);
module_exit(stall_patch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
