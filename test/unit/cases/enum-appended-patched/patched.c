/* Enumerators added after the existing ones, and one removed at the end:
 * no stored value changes meaning. */
#include "kmacros.h"
enum conn_state { CONN_OPEN, CONN_CLOSING, CONN_CLOSED, CONN_RESET = 4, CONN_DEAD };

struct conn {
	enum conn_state state;
	int refs;
};

int conn_done(struct conn *c)
{
	return (c->state == CONN_CLOSED || c->state >= CONN_RESET) && !c->refs;
}
