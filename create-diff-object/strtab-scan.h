/* Finding a few names in a large ELF string table without holding it: the
 * table is read in windows and only the offsets of wanted names are kept. */
#ifndef CDO_STRTAB_SCAN_H
#define CDO_STRTAB_SCAN_H
#include <stdint.h>
#include "hash.h"

/* offset in the string table -> the wanted key found there */
struct offmap { uint64_t *offs; const char **keys; size_t cap, count; };

/* Record every offset of the table at [OFF, OFF+SIZE) of FD where a string
 * equal to a key of WANTED starts, including inside a longer string (ld
 * merges a name into the tail of another that ends with it). */
void strtab_scan(const char *path, int fd, uint64_t off, uint64_t size, const struct ht *wanted, struct offmap *found);
const char *offmap_get(const struct offmap *m, uint64_t off);
void offmap_free(struct offmap *m);

#endif
