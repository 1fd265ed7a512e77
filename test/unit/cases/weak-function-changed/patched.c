/* A weak default implementation changes. */
#include "kmacros.h"
__attribute__((__weak__)) int arch_hook(int x) { return x + 2; }
