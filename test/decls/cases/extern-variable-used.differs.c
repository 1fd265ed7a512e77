/* An extern variable's type changes where a function reads it. */
#ifdef PATCHED
extern long counter;
#else
extern int counter;
#endif
long f(void) { return counter; }
