/* Aggregates of every kind the layout check reads, none of them changed
 * by the patch; the function using them is. */
#include "kmacros.h"
struct hdr {
	unsigned int len : 12, type : 4;
	unsigned char flags;
};

typedef struct {
	int kind;
	union {
		struct { short lo, hi; };
		int word;
	};
} val_t;

union num {
	long l;
	char c[8];
};

struct scratch {
	int a, b;
};

int parse(struct hdr *h, val_t *v, union num *n)
{
	struct scratch s = { h->len, v->hi };

	if (h->flags)
		return -1;
	return s.a + s.b + h->type + v->lo + (int)n->l;
}
