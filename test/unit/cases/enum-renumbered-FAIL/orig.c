/* A state stored in objects that outlive any patch (conns made by code
 * the patch does not touch). */
#include "kmacros.h"
enum conn_state { CONN_OPEN, CONN_CLOSING, CONN_CLOSED };

struct conn {
	enum conn_state state;
	int refs;
};

int conn_done(struct conn *c)
{
	return c->state == CONN_CLOSED && !c->refs;
}
