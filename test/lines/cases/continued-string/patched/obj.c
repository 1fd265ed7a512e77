#include "lines.h"

static const char msg[] = "one \
one and a half \
two";

const char *message(void)
{
	return msg;
}

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
