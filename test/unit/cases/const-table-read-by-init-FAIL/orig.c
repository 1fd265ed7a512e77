/* A static const table read by __init code as well as at run time. */
#include "kmacros.h"
static const int defaults[4] = { 3, 5, 7, 9 };
int configured;
int __init setup_defaults(int i) { configured = defaults[i & 3]; return 0; }
int default_of(int i) { return defaults[i & 3]; }
