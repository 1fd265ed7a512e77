#include "lines.h"

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
