/* A static inline that a function calls changes: so does the object. */
static inline int helper(int x)
{
#ifdef PATCHED
	return x * 3;
#else
	return x * 2;
#endif
}
int f(int x) { return helper(x) + 1; }
