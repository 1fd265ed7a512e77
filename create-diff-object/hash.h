/* String-keyed hash table (open addressing); values are pointers. Several
 * values may share a key: ht_next walks them. */
#ifndef CDO_HASH_H
#define CDO_HASH_H
#include <stddef.h>
#include <stdint.h>

struct ht_entry { const char *key; void *val; };
/* slots hold 1 + an index into ents (0: empty): 4 bytes a slot keeps the
 * table small next to the model it indexes */
struct ht { uint32_t *slots; struct ht_entry *ents; size_t cap, count, entcap; };

void ht_init(struct ht *t, size_t expected);
void ht_put(struct ht *t, const char *key, void *val);
/* First value for KEY, or NULL; *pos is a cursor for ht_next. */
void *ht_get(const struct ht *t, const char *key, size_t *pos);
void *ht_next(const struct ht *t, const char *key, size_t *pos);
size_t ht_count(const struct ht *t, const char *key);
void ht_free(struct ht *t);
unsigned long str_hash(const char *s);

#endif
