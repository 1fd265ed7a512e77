/* Three functions, each with a static local (named with asm labels so the
 * compiler's numbering does not matter). In the patched build each one's
 * body, with its static, moves into a compiler-split subfunction
 * (f.part.0, g.constprop.1, h.isra.0), and the statics are renumbered
 * (calls.3 -> calls.4, ...), so their base names are ambiguous. */
#include "kmacros.h"
static int f_calls __asm__("calls.4");
static int g_calls __asm__("calls.6");
static int h_calls __asm__("calls.8");
static int f_part(int x) __asm__("f.part.0");
static noinline int f_part(int x) { f_calls += x; return f_calls; }
static int g_clone(int x) __asm__("g.constprop.1");
static noinline int g_clone(int x) { g_calls += x; return g_calls; }
static int h_clone(int x) __asm__("h.isra.0");
static noinline int h_clone(int x) { h_calls += x; return h_calls; }
int f(int x) { return x ? f_part(x) : f_calls; }
int g(int x) { return x ? g_clone(x) : 0; }
int h(int x) { return x ? h_clone(x) : 0; }
