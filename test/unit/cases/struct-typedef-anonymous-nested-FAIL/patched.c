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
		struct { short lo, mid, hi; };
		int word;
	};
} val_t;

union num {
	long l;
	char c[8];
};

int parse(struct hdr *h, val_t *v, union num *n)
{
	return h->len + h->type + v->lo + v->mid + (int)n->l;
}
