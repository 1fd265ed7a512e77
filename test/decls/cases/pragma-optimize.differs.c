/* A pragma between declarations changes how the next one is compiled. */
#ifdef PATCHED
#pragma GCC optimize("O0")
#endif
int f(int x) { return x * 8; }
