/* Used only through its address in a table. */
static int handler(int x)
{
#ifdef PATCHED
	return x ^ 0x55;
#else
	return x ^ 0x33;
#endif
}
int (*const handlers[])(int) = { handler };
