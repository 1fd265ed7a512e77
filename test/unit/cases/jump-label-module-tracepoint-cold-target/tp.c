/* The module's tracepoint (CREATE_TRACE_POINTS in one of its files). */
#include "kmacros.h"
struct tracepoint { const char *name; struct static_key key; void *funcs; };
struct tracepoint __tracepoint_mod_event = { "mod_event" };
