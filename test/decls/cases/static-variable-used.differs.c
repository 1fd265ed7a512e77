/* A static table that a function reads changes. */
static const int table[] = {
	1, 2,
#ifdef PATCHED
	3,
#endif
};
int f(int x) { return table[x] + (int)sizeof(table); }
