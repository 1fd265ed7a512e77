/* An anonymous enum: its enumerators name it. */
#include "kmacros.h"
struct dev {
	enum { DEV_IDLE, DEV_BUSY } st;
	int users;
};

int dev_busy(struct dev *d)
{
	return d->st == DEV_BUSY || d->users;
}
