/* A static inline that nothing calls changes: the object cannot. */
static inline int unused_helper(int x)
{
#ifdef PATCHED
	return x * 3;
#else
	return x * 2;
#endif
}
int f(int x) { return x + 1; }
