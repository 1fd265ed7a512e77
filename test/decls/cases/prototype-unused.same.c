/* A prototype nothing calls gains a parameter. */
#ifdef PATCHED
extern int proc_layoutget(void *p, int flags, long extra);
#else
extern int proc_layoutget(void *p, int flags);
#endif
int f(int x) { return x; }
