/* Windowed search of a string table (see strtab-scan.h). Each string is
 * walked backwards from its terminator with a rolling hash, so every suffix
 * is checked against a bit filter of the wanted names in one pass; only
 * filter hits are looked up by name. */
#include "strtab-scan.h"
#include "util.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { FILTER_BITS = 18, WINDOW = 16 * 1024 };

static uint64_t roll(uint64_t h, unsigned char c)
{
	return h * 0x100000001b3ULL + c + 1;
}

static size_t filter_bit(uint64_t h, size_t len)
{
	return (size_t)(((h + len) * 0x9e3779b97f4a7c15ULL) >> (64 - FILTER_BITS));
}

static void add_hit(struct strtab_scan *s, uint64_t off, const char *key)
{
	if (s->nhits == s->caphits) {
		s->caphits = s->caphits ? s->caphits * 2 : 256;
		s->hits = xrealloc(s->hits, s->caphits * sizeof(*s->hits));
	}
	s->hits[s->nhits++] = (struct strtab_hit){ off, key };
}

static int cmp_hit(const void *a, const void *b)
{
	uint64_t x = ((const struct strtab_hit *)a)->off, y = ((const struct strtab_hit *)b)->off;

	return x < y ? -1 : x > y;
}

const char *strtab_key_at(const struct strtab_scan *s, uint64_t off)
{
	struct strtab_hit want = { off, NULL };
	const struct strtab_hit *h = s->nhits ? bsearch(&want, s->hits, s->nhits, sizeof(*h), cmp_hit) : NULL;

	return h ? h->key : NULL;
}

/* Check every suffix of the string S[0..LEN) (NUL at S[LEN]) starting at
 * table offset AT. */
static void scan_string(struct strtab_scan *sc, const char *s, size_t len, uint64_t at)
{
	uint64_t h = 0;

	for (size_t k = 1; k <= len; k++) {
		const char *key;
		size_t bit;

		h = roll(h, (unsigned char)s[len - k]);
		bit = filter_bit(h, k);
		if (!(sc->filter[bit / 8] & (1u << bit % 8)))
			continue;
		key = sc->find(s + len - k);
		if (key)
			add_hit(sc, at + len - k, key);
	}
}

void strtab_scan_init(struct strtab_scan *s, const char *(*find)(const char *name))
{
	*s = (struct strtab_scan){ .filter = xcalloc(1, (1u << FILTER_BITS) / 8), .find = find };
}

void strtab_want(struct strtab_scan *s, const char *name)
{
	size_t len = strlen(name), bit;
	uint64_t h = 0;

	for (size_t k = 1; k <= len; k++)
		h = roll(h, (unsigned char)name[len - k]);
	bit = filter_bit(h, len);
	s->filter[bit / 8] |= (unsigned char)(1u << bit % 8);
}

void strtab_scan(struct strtab_scan *s, const char *path, int fd, uint64_t off, uint64_t size)
{
	size_t cap = WINDOW, have = 0;
	char *buf = xcalloc(1, cap);
	uint64_t done = 0;		/* table offset of buf[0] */

	while (done + have < size) {
		size_t want = cap - have, start = 0;
		ssize_t n;

		if (want > size - done - have)
			want = (size_t)(size - done - have);
		n = pread(fd, buf + have, want, (off_t)(off + done + have));
		if (n <= 0)
			die(EXIT_ERROR, "SYMTAB %s: truncated string table", path);
		have += (size_t)n;
		for (char *nul; (nul = memchr(buf + start, 0, have - start)); start = (size_t)(nul - buf) + 1)
			scan_string(s, buf + start, (size_t)(nul - buf) - start, done + start);
		/* the unfinished string moves to the front; one longer than the
		 * window widens it */
		memmove(buf, buf + start, have - start);
		done += start;
		have -= start;
		if (have == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	free(buf);
	/* each (string, suffix) is one offset: no duplicates to merge */
	qsort(s->hits, s->nhits, sizeof(*s->hits), cmp_hit);
}

void strtab_scan_free(struct strtab_scan *s)
{
	free(s->filter);
	free(s->hits);
	*s = (struct strtab_scan){ 0 };
}
