/* Three functions, each with a static local (named with asm labels so the
 * compiler's numbering does not matter). In the patched build each one's
 * body, with its static, moves into a compiler-split subfunction
 * (f.part.0, g.constprop.1, h.isra.0), and the statics are renumbered
 * (calls.3 -> calls.4, ...), so their base names are ambiguous. */
#include "kmacros.h"
static int f_calls __asm__("calls.3");
static int g_calls __asm__("calls.5");
static int h_calls __asm__("calls.7");
int f(int x) { f_calls += x; return f_calls; }
int g(int x) { g_calls += x; return g_calls; }
int h(int x) { h_calls += x; return h_calls; }
