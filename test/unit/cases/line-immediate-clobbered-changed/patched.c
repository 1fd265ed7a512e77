/* A line-like immediate moved into %esi before a call to __might_sleep,
 * but not reaching it as its argument. Hand-written (inline asm). */
#include "kmacros.h"
#define LINE1 "101"
#define LINE2 "201"
#define LINE3 "301"
extern void __might_sleep(const char *file, int line);
extern void other(void);
/* %esi is overwritten before the call: the immediate is no argument */
void clobbered(void)
{
	asm volatile("mov $" LINE1 ", %%esi\n\t"
		     "mov %%ebx, %%esi\n\t"
		     "mov $0, %%rdi\n\t"
		     "call __might_sleep" : : : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
}
/* another call comes first: the immediate is its argument */
void other_call_first(void)
{
	asm volatile("mov $" LINE2 ", %%esi\n\t"
		     "call other\n\t"
		     "mov $0, %%rdi\n\t"
		     "call __might_sleep" : : : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
}
/* a branch between them: the call may not be reached from the mov */
void branch_between(int x)
{
	asm volatile("mov $" LINE3 ", %%esi\n\t"
		     "test %0, %0\n\t"
		     "jz 1f\n\t"
		     "call __might_sleep\n"
		     "1:" : : "r" (x) : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
}
