#include "kmacros.h"

int evil_get(void)
{
	return 1;
}
