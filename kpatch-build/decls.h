/* Top-level declarations of a preprocessed translation unit: which of them
 * the compiler may leave out when unused, the names each declares, and
 * which are kept (reached from what is always emitted). */
#ifndef KB_DECLS_H
#define KB_DECLS_H
#include "c-tokens.h"

struct decl {
	uint32_t first, last;	/* tokens [first, last) */
	uint32_t defs, ndefs;	/* names it declares: decls.defs[defs ...] */
	bool droppable;		/* nothing of it is emitted unless a name of it is used */
	bool kept;
};

struct decls {
	struct decl *v;
	size_t n;
	uint32_t *defs;
	size_t ndefs;
};

/* Splits T into top-level declarations and classifies each. */
void split_decls(struct decls *d, const struct tokens *t);
/* Sets kept on every declaration that is not droppable, and on every one
 * that a kept one names, transitively. */
void mark_kept(struct decls *d, const struct tokens *t);
void decls_free(struct decls *d);

#endif
