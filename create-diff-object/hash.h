/* String-keyed hash table (open addressing); values are pointers. Several
 * values may share a key: ht_next walks them. */
#ifndef CDO_HASH_H
#define CDO_HASH_H
#include <stddef.h>
#include <stdint.h>

struct ht_entry { const char *key; void *val; };
/* Slots hold 1 + an entry index (0: empty), 4 bytes each. An entry is a
 * key/value pair in ents, or, for a table over an array (ht_init_items),
 * the array's item itself, keyed by one of its fields: an index over the
 * model then costs only its slots. */
struct ht {
	uint32_t *slots;
	size_t cap, count;
	struct ht_entry *ents;
	size_t entcap;
	const char *items;
	size_t stride, key_off;
};

void ht_init(struct ht *t, size_t expected);
void ht_put(struct ht *t, const char *key, void *val);
/* A table whose values are ITEMS[i] (STRIDE bytes each, never moved) keyed
 * by the string pointer at KEY_OFF in the item; filled with ht_put_item. */
void ht_init_items(struct ht *t, const void *items, size_t stride, size_t key_off, size_t expected);
void ht_put_item(struct ht *t, size_t index);
/* First value for KEY, or NULL; *pos is a cursor for ht_next. */
void *ht_get(const struct ht *t, const char *key, size_t *pos);
void *ht_next(const struct ht *t, const char *key, size_t *pos);
size_t ht_count(const struct ht *t, const char *key);
void ht_free(struct ht *t);
unsigned long str_hash(const char *s);

#endif
