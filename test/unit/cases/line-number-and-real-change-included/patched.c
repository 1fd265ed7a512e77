/* might_sleep()'s line moves AND the function really changes. */
#include "kmacros.h"

int sleeper(int x)
{
	might_sleep();
	return x + 2;
}
