// SPDX-License-Identifier: GPL-2.0
/* An out-of-tree module for kpatch-build --oot-module: /proc/oot_demo says
 * which version of oot_demo_show() runs. */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int oot_demo_show(struct seq_file *m, void *v)
{
	seq_puts(m, "oot_demo: original\n");
	return 0;
}

static int __init oot_demo_init(void)
{
	return proc_create_single("oot_demo", 0444, NULL, oot_demo_show) ? 0 : -ENOMEM;
}

static void __exit oot_demo_exit(void)
{
	remove_proc_entry("oot_demo", NULL);
}

module_init(oot_demo_init);
module_exit(oot_demo_exit);
MODULE_LICENSE("GPL");
