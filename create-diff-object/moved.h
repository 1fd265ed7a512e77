/* References and functions that move between builds (issue 9 item 5):
 * compared by what is there, not by where it is. */
#ifndef CDO_MOVED_H
#define CDO_MOVED_H
#include <stdbool.h>
#include "elf-model.h"

/* A reference to PS+POFF (patched) and one to its twin OS+OOFF point at the
 * same thing: the same bytes from the last symbol or label before OFF to
 * the next one after OFF+SPAN (or the section end), at the same distance. For code blobs with labels
 * but no function symbols (.altinstr_aux, top-level asm). */
bool same_label_target(const struct sec *ps, GElf_Sxword poff, const struct sec *os, GElf_Sxword ooff,
		       GElf_Sxword span);

/* Relocations compared with the offset of the first taken DELTA further. */
typedef bool (*same_rel_fn)(const struct rel *p, const struct rel *o, GElf_Sxword delta);

/* Function P of a section it shares with other functions (.init.text) has
 * the bytes and relocations of its twin O, wherever each starts. */
bool same_func_in_section(const struct sym *p, const struct sym *o, same_rel_fn same);

/* The relocations of SEC in [START, END), by offset: a slice of an index
 * made once per section; *N is their number. */
struct rel **rels_in(struct sec *sec, GElf_Xword start, GElf_Xword end, size_t *n);

#endif
