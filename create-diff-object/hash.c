/* Open-addressing string hash table with linear probing. Duplicate keys are
 * stored in separate slots and found by continuing the probe. */
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

void ht_init(struct ht *t, size_t expected)
{
	size_t cap = 16;

	while (cap < expected * 2 + 1)
		cap *= 2;
	t->slots = xcalloc(cap, sizeof(*t->slots));
	t->cap = cap;
	t->count = 0;
}

static void ht_insert(struct ht *t, const char *key, void *val, unsigned long h)
{
	size_t i = h & (t->cap - 1);

	while (t->slots[i].key)
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = (struct ht_slot){ key, val, h };
	t->count++;
}

void ht_put(struct ht *t, const char *key, void *val)
{
	if ((t->count + 1) * 2 > t->cap) {
		struct ht_slot *old = t->slots;
		size_t oldcap = t->cap;

		t->cap *= 2;
		t->slots = xcalloc(t->cap, sizeof(*t->slots));
		t->count = 0;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				ht_insert(t, old[i].key, old[i].val, old[i].hash);
		free(old);
	}
	ht_insert(t, key, val, str_hash(key));
}

static void *ht_scan(const struct ht *t, const char *key, unsigned long h, size_t *pos)
{
	for (size_t i = *pos; t->slots[i].key; i = (i + 1) & (t->cap - 1)) {
		if (t->slots[i].hash == h && !strcmp(t->slots[i].key, key)) {
			*pos = (i + 1) & (t->cap - 1);
			return t->slots[i].val;
		}
	}
	return NULL;
}

void *ht_get(const struct ht *t, const char *key, size_t *pos)
{
	unsigned long h = str_hash(key);
	size_t p = h & (t->cap - 1);

	if (!pos)
		pos = &p;
	*pos = p;
	return ht_scan(t, key, h, pos);
}

void *ht_next(const struct ht *t, const char *key, size_t *pos)
{
	return ht_scan(t, key, str_hash(key), pos);
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
	t->slots = NULL;
	t->cap = t->count = 0;
}
