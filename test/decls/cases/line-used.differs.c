/* The same function two lines lower, where it puts __LINE__ into its code. */
#ifndef PATCHED
int f(void) { return __LINE__; }
#else

int f(void) { return __LINE__; }
#endif
