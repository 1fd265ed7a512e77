// SPDX-License-Identifier: GPL-2.0
/*
 * A header comment added before the first line.
 */
#include "lines.h"

void after(int x)
{
	might_sleep();
	WARN_ON(x > 3);
}
