#include "lines.h"
#include "guarded.h"
#include "guarded.h"

int changed(int a)
{
	return g_changed(a);
}

unsigned long guard_line(void)
{
	return sizeof(after_guard);
}

void after(int x)
{
	g_check(x);
	might_sleep();
}
