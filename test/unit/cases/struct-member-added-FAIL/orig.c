/* A struct whose instances outlive any patch: they are allocated by code
 * the patch does not touch (conn_new in the running kernel). */
#include "kmacros.h"
struct conn {
	int state;
	int refs;
};

int conn_busy(struct conn *c)
{
	return c->state > 1 && c->refs > 0;
}
