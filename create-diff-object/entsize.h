/* Entry sizes of special sections: given (environment variable ENV, else
 * sh_entsize) and checked against the section's relocations, or derived
 * from them (see entsize.c). */
#ifndef CDO_ENTSIZE_H
#define CDO_ENTSIZE_H
#include "elf-model.h"

struct entsize {
	size_t size;
	bool short_last;		/* the last entry may be shorter (no tail padding) */
};

/* The entry size of SEC; DEFSIZE when nothing tells otherwise. Dies (exit
 * 1, naming the section and both sizes) when a given size contradicts the
 * section or no size fits it. */
struct entsize entsize_of(const struct sec *sec, const char *env, size_t defsize);

#endif
