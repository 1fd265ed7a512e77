/* Included first into every tool source of a fuzz build (-include): the
 * tools end with exit() on any error; in a fuzz target that must return to
 * the harness instead (harness.c: fuzz_exit longjmps back), and main()
 * becomes tool_main() for the harness to call. */
#ifndef FUZZ_EXIT_H
#define FUZZ_EXIT_H
#include <stdlib.h>

_Noreturn void fuzz_exit(int code);
#define exit(code) fuzz_exit(code)

#endif
