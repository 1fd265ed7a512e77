/* An include guard: a directive inside it is repeated only after the
 * guard's own #endif, not after the #endif of a group it holds; what
 * follows the guard gets it (the second inclusion skips the guard). */
#ifndef GUARDED_H
#define GUARDED_H
static inline int g_changed(int a)
{
	if (a < 0)
		return 0;
	return a + 1;
}
#ifdef NOT_DEFINED
static inline void g_off(void)
{
}
#endif
static inline void g_check(int x)
{
	WARN_ON(x > 9);
}
#endif
extern char after_guard[__LINE__];
