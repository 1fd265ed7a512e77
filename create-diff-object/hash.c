/* Open-addressing string hash table with linear probing over an index
 * array; entries live in insertion order in a dense array. Duplicate keys
 * take separate slots and are found by continuing the probe. */
#include "hash.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>

unsigned long str_hash(const char *s)
{
	unsigned long h = 1469598103934665603UL;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;
	return h;
}

/* Load factor at most 3/4: short probes, a quarter of the slots idle. */
static size_t cap_for(size_t n)
{
	size_t cap = 16;

	while (cap * 3 < n * 4 + 4)
		cap *= 2;
	return cap;
}

static const char *key_of(const struct ht *t, size_t ent)
{
	if (t->items)
		return *(const char *const *)(t->items + ent * t->stride + t->key_off);
	return t->ents[ent].key;
}

static void *val_of(const struct ht *t, size_t ent)
{
	return t->items ? (void *)(t->items + ent * t->stride) : t->ents[ent].val;
}

static void place(struct ht *t, size_t ent)
{
	size_t i = str_hash(key_of(t, ent)) & (t->cap - 1);

	while (t->slots[i])
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = (uint32_t)(ent + 1);
}

static void grow(struct ht *t, size_t count)
{
	if (count >= UINT32_MAX - 1)
		die(EXIT_ERROR, "hash table: too many entries");
	if (cap_for(count) <= t->cap)
		return;
	free(t->slots);
	t->cap = cap_for(count);
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	/* key/value entries are placed in order; items only as they are put */
	for (size_t i = 0; i < t->count && !t->items; i++)
		place(t, i);
}

void ht_init(struct ht *t, size_t expected)
{
	*t = (struct ht){ 0 };
	t->cap = cap_for(expected);
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	t->entcap = expected ? expected : 1;
	t->ents = xcalloc(t->entcap, sizeof(*t->ents));
}

void ht_put(struct ht *t, const char *key, void *val)
{
	grow(t, t->count + 1);
	if (t->count == t->entcap) {
		t->entcap *= 2;
		t->ents = xrealloc(t->ents, t->entcap * sizeof(*t->ents));
	}
	t->ents[t->count] = (struct ht_entry){ key, val };
	place(t, t->count++);
}

void ht_init_items(struct ht *t, const void *items, size_t stride, size_t key_off, size_t expected)
{
	*t = (struct ht){ .items = items, .stride = stride, .key_off = key_off };
	t->cap = cap_for(expected);
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
}

void ht_put_item(struct ht *t, size_t index)
{
	/* sized up front by the caller: rehashing would need every item put */
	if (cap_for(t->count + 1) > t->cap)
		die(EXIT_ERROR, "hash table: more items than announced");
	t->count++;
	place(t, index);
}

static void *ht_scan(const struct ht *t, const char *key, size_t *pos)
{
	for (size_t i = *pos; t->slots[i]; i = (i + 1) & (t->cap - 1)) {
		size_t ent = t->slots[i] - 1;

		if (!strcmp(key_of(t, ent), key)) {
			*pos = (i + 1) & (t->cap - 1);
			return val_of(t, ent);
		}
	}
	return NULL;
}

void *ht_get(const struct ht *t, const char *key, size_t *pos)
{
	size_t p = str_hash(key) & (t->cap - 1);

	if (!pos)
		pos = &p;
	*pos = p;
	return ht_scan(t, key, pos);
}

void *ht_next(const struct ht *t, const char *key, size_t *pos)
{
	return ht_scan(t, key, pos);
}

size_t ht_count(const struct ht *t, const char *key)
{
	size_t pos, n = 0;

	for (void *v = ht_get(t, key, &pos); v; v = ht_next(t, key, &pos))
		n++;
	return n;
}

void ht_free(struct ht *t)
{
	free(t->slots);
	free(t->ents);
	*t = (struct ht){ 0 };
}
