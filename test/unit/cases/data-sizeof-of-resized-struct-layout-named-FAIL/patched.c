/* A notifier block and link ops that hold sizeof(struct team), sharing a
 * __read_mostly section; the team's ops has one callback now. */
#include "kmacros.h"
struct team;
struct team_ops {
	void (*port_tx_disabled)(struct team *team);
};
struct team {
	int count;
	struct team_ops ops;
};
struct notifier { int (*call)(int event); };
struct link_ops { const char *kind; unsigned long priv_size; };

int team_event(int event)
{
	return event + 1;
}

static struct notifier team_notifier __section(".data..read_mostly") = { .call = team_event };
static struct link_ops team_link_ops __section(".data..read_mostly") = {
	.kind = "team",
	.priv_size = sizeof(struct team),
};

int team_disable(struct team *t)
{
	if (t->ops.port_tx_disabled)
		t->ops.port_tx_disabled(t);
	return t->count;
}

void *team_tables(int i)
{
	return i ? (void *)&team_link_ops : (void *)&team_notifier;
}
