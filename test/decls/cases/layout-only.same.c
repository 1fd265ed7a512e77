/* The same code laid out on other lines: no token changes. */
#ifdef PATCHED
int f(int x)
{
	return x +
	       1;
}
#else
int f(int x) { return x + 1; }
#endif
