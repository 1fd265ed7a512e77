/* String-keyed hash table (open addressing); values are pointers. Several
 * values may share a key: ht_next walks them. */
#ifndef CDO_HASH_H
#define CDO_HASH_H
#include <stddef.h>

struct ht_slot { const char *key; void *val; unsigned long hash; };
struct ht { struct ht_slot *slots; size_t cap, count; };

void ht_init(struct ht *t, size_t expected);
void ht_put(struct ht *t, const char *key, void *val);
/* First value for KEY, or NULL; *pos is a cursor for ht_next. */
void *ht_get(const struct ht *t, const char *key, size_t *pos);
void *ht_next(const struct ht *t, const char *key, size_t *pos);
size_t ht_count(const struct ht *t, const char *key);
void ht_free(struct ht *t);
unsigned long str_hash(const char *s);

#endif
