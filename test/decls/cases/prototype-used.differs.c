/* A prototype a function calls gains a parameter (the call passes it). */
#ifdef PATCHED
extern int proc_layoutget(void *p, long flags);
#else
extern int proc_layoutget(void *p, int flags);
#endif
int f(void *p) { return proc_layoutget(p, -1); }
