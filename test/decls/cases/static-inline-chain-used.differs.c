/* Called by another static inline that a function calls. */
static inline int inner(int x)
{
#ifdef PATCHED
	return x - 7;
#else
	return x - 5;
#endif
}
static inline int outer(int x) { return inner(x) * 2; }
int f(int x) { return outer(x); }
