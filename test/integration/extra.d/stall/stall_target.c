// SPDX-License-Identifier: GPL-2.0
/* A module whose kthread never leaves stall_sleep(): a patch of that
 * function cannot finish its transition (test of kpatch's stall handling). */
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/module.h>

static struct task_struct *sleeper;

noinline int stall_sleep(void)
{
	while (!kthread_should_stop())
		msleep_interruptible(100);
	return 0;
}
EXPORT_SYMBOL_GPL(stall_sleep);

static int sleeper_fn(void *unused)
{
	return stall_sleep();
}

static int __init stall_init(void)
{
	sleeper = kthread_run(sleeper_fn, NULL, "stall_sleeper");
	return IS_ERR(sleeper) ? PTR_ERR(sleeper) : 0;
}

static void __exit stall_exit(void)
{
	kthread_stop(sleeper);
}

module_init(stall_init);
module_exit(stall_exit);
MODULE_LICENSE("GPL");
