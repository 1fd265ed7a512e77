/* An alternative whose replacement is empty (a fence that some CPUs do
 * not need, as 6.12's weak_wrmsr_fence): .altinstr_replacement holds no
 * byte at all, and the entry points at its start. The function changes. */
#include "kmacros.h"
int fenced(int x)
{
	alternative("mfence; lfence", "", 42);
	return x + 1;
}
