/* An unused static function marked used is emitted all the same. */
static void __attribute__((used)) keep_me(int *p)
{
#ifdef PATCHED
	*p = 2;
#else
	*p = 1;
#endif
}
int f(int x) { return x; }
