/* Finding a few names in a large ELF string table without holding it: the
 * table is read in windows and only the offsets of wanted names are kept. */
#ifndef CDO_STRTAB_SCAN_H
#define CDO_STRTAB_SCAN_H
#include <stdint.h>
#include <stddef.h>

/* A wanted key found at an offset of the string table. */
struct strtab_hit { uint64_t off; const char *key; };

struct strtab_scan {
	unsigned char *filter;		/* bit filter over (suffix hash, length) */
	/* the caller's copy of NAME if it is wanted, else NULL */
	const char *(*find)(const char *name);
	struct strtab_hit *hits;	/* sorted by offset once the scan is done */
	size_t nhits, caphits;
};

void strtab_scan_init(struct strtab_scan *s, const char *(*find)(const char *name));
/* Announce a wanted name (every name FIND can return must be announced). */
void strtab_want(struct strtab_scan *s, const char *name);
/* Record every offset of the table at [OFF, OFF+SIZE) of FD where a wanted
 * string starts, including inside a longer string (ld merges a name into
 * the tail of another that ends with it). */
void strtab_scan(struct strtab_scan *s, const char *path, int fd, uint64_t off, uint64_t size);
/* The wanted key at OFF, or NULL. */
const char *strtab_key_at(const struct strtab_scan *s, uint64_t off);
void strtab_scan_free(struct strtab_scan *s);

#endif
