#include "lines.h"
#include <sub/helpers.h>
#include "local/../local/near.h"

int changed(int a)
{
	return helper_changed(a);
}

void after(int x)
{
	check_sleep(x);
	near_check(x);
}
