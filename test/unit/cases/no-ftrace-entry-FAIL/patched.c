/* A notrace function has no __fentry__ call, so ftrace cannot redirect it. */
#include "kmacros.h"
notrace int quiet(int x) { return x + 2; }
