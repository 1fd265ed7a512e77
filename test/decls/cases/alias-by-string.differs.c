/* A static function reached only from an alias's string. */
static int real_impl(int x)
{
#ifdef PATCHED
	return x + 2;
#else
	return x + 1;
#endif
}
int exported(int x) __attribute__((alias("real_impl")));
