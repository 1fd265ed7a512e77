/* A constructor nothing calls by name. */
int ready;
static void __attribute__((constructor)) init(void)
{
#ifdef PATCHED
	ready = 2;
#else
	ready = 1;
#endif
}
