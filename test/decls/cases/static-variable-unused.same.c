/* An unused static table changes. */
static const int table[] = {
	1, 2,
#ifdef PATCHED
	3,
#endif
};
int f(int x) { return x; }
