/* Bit-fields packed in one word: the struct's size and every byte offset
 * stay when one of them grows. */
#include "kmacros.h"
struct hdr {
	unsigned int len : 12, type : 4;
	unsigned char flags;
};

int hdr_type(struct hdr *h)
{
	return h->type;
}
