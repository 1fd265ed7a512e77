/* A function-pointer typedef (its name is inside parentheses) changes. */
#ifdef PATCHED
typedef long (*fn_t)(long);
#else
typedef int (*fn_t)(int);
#endif
long f(fn_t fn) { return fn(-1); }
