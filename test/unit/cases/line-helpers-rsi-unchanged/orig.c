/* Helpers whose line argument is the second one (%esi); only the
 * lines move. */
#include "kmacros.h"
extern void ___might_sleep(const char *file, int line, int preempt_offset);
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_fault(const char *file, int line);
extern void __cant_sleep(const char *file, int line, int preempt_offset);
extern void lockdep_rcu_suspicious(const char *file, const int line, const char *s);
extern void warn_slowpath_fmt(const char *file, const int line, unsigned taint, const char *fmt, ...);
extern int ext_internal(int);
int old_sleeper(int x)
{
	___might_sleep(__FILE__, __LINE__, 0);
	return ext_internal(x);
}
int resched(int x)
{
	__might_resched(__FILE__, __LINE__, 3);
	return ext_internal(x) + 1;
}
int faulter(int x)
{
	__might_fault(__FILE__, __LINE__);
	return ext_internal(x) + 2;
}
int nosleep(int x)
{
	__cant_sleep(__FILE__, __LINE__, 1);
	return ext_internal(x) + 3;
}
int rcu_user(int x)
{
	if (x > 3)
		lockdep_rcu_suspicious(__FILE__, __LINE__, "suspicious rcu_dereference_check() usage");
	return ext_internal(x) + 4;
}
int old_warn(int x)
{
	if (x > 9)
		warn_slowpath_fmt(__FILE__, __LINE__, 9, "x is %d\n", x);
	return ext_internal(x) + 5;
}
/* the call is the last thing: gcc makes it a tail call (jmp) */
void tail_sleeper(void)
{
	__might_sleep(__FILE__, __LINE__);
}
