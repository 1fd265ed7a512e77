/* gcc places cold functions in .text.unlikely.NAME and hot ones in
 * .text.hot.NAME; both change. */
#include "kmacros.h"
__attribute__((__cold__)) noinline int slow_path(int x) { barrier(); return x * 3; }
__attribute__((__hot__)) noinline int fast_path(int x) { barrier(); return x + 3; }
