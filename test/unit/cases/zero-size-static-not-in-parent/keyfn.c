/* The lockdep entry point the fake parent provides. */
#include "kmacros.h"
struct lock_class_key { };
void take_key(struct lock_class_key *key);
void take_key(struct lock_class_key *key) { barrier(); (void)key; }
