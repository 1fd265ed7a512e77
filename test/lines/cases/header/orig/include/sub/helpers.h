/* A header found through -I, named by its -I path in __FILE__. */
#ifndef HELPERS_H
#define HELPERS_H

static inline int helper_changed(int a)
{
	return a + 1;
}

static inline void check_sleep(int x)
{
	might_sleep();
	WARN_ON(x > 5);
}
#endif
