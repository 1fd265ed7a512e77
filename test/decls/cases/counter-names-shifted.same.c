/* An unused static inline that takes __COUNTER__ numbers goes: every later
 * __UNIQUE_ID_ name is numbered lower, and nothing else changes. */
#define PASTE2(a, b) a##b
#define PASTE(a, b) PASTE2(a, b)
#define UNIQUE_ID(p) PASTE(__UNIQUE_ID_##p, __COUNTER__)
#define MIN_(a, b, x, y) ({ int x = (a), y = (b); x < y ? x : y; })
#define MIN(a, b) MIN_(a, b, UNIQUE_ID(x_), UNIQUE_ID(y_))
#ifndef PATCHED
static inline int unused_min(int a) { return MIN(a, 3); }
#endif
int f(int a, int b) { return MIN(a, b); }
