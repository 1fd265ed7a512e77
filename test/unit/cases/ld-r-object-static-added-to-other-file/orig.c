/* The first source of an object linked with ld -r from two (see expect:
 * object); the patch gives it a new static tmp, named like the second
 * source's existing one (in a section of its own: ld -r merges sections of
 * the same name, and a new variable may not share one with existing data). */
#include "kmacros.h"
int first_fn(int v) { return v + 1; }
