/* A lock_class_key is an empty struct without lockdep. */
#include "kmacros.h"
struct lock_class_key { };
extern void take_key(struct lock_class_key *key);
int user(int x)
{
	static struct lock_class_key __key;

	take_key(&__key);
	return x + 1;
}
