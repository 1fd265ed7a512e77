/* used-decls: reads preprocessed C (gcc -E) and prints the top-level
 * declarations that can reach the object, one per line, tokens separated
 * by one space where the source had any: the translation unit without the
 * static functions and variables, prototypes, extern declarations and types
 * that nothing kept names, and without line markers and layout.
 *
 * kpatch-build compares the digest of this before and after a patch to
 * decide which includers of a patched header to rebuild (lib/narrow.sh):
 * a changed static inline, prototype or struct reaches only the files
 * that use it. What this drops must never change the object, so every
 * doubt keeps: a declaration is dropped only when it is one of the kinds
 * the compiler emits nothing for unless used, carries no attribute that
 * forces it out (used, constructor, ...), and no kept declaration names
 * anything it declares (names in strings, such as asm's and alias's, count).
 *
 * Exit 0 with the text on stdout; 1 on a read error. */
#include "c-tokens.h"
#include "decls.h"
#include "../create-diff-object/util.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(FILE *f, size_t *len)
{
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f))
		die(EXIT_ERROR, "reading: %s", strerror(errno));
	*len = b.len;
	return (char *)b.p;
}

static void print_kept(const struct tokens *t, const struct decls *d, FILE *out)
{
	size_t i, k;

	for (i = 0; i < d->n; i++) {
		const struct decl *x = &d->v[i];

		if (!x->kept)
			continue;
		for (k = x->first; k < x->last; k++) {
			const struct tok *tk = &t->v[k];

			/* A #pragma keeps a line of its own: the text stays C. */
			if (tk->kind == TOK_DIRECTIVE && k > x->first)
				fputc('\n', out);
			else if (k > x->first && (tk->space_before || t->v[k - 1].kind == TOK_DIRECTIVE))
				fputc(t->v[k - 1].kind == TOK_DIRECTIVE ? '\n' : ' ', out);
			fwrite(t->text + tk->off, 1, tk->len, out);
		}
		fputc('\n', out);
	}
}

int main(int argc, char **argv)
{
	struct tokens toks;
	struct decls decls;
	size_t len;
	char *text;

	g_tool = "used-decls";
	g_objname = "<stdin>";
	if (argc != 1) {
		fprintf(stderr, "usage: %s <preprocessed.c >kept.txt\n", argv[0]);
		return EXIT_ERROR;
	}
	text = read_all(stdin, &len);
	tokenize(&toks, text, len);
	split_decls(&decls, &toks);
	mark_kept(&decls, &toks);
	print_kept(&toks, &decls, stdout);
	if (fflush(stdout) || ferror(stdout))
		die(EXIT_ERROR, "writing: %s", strerror(errno));
	decls_free(&decls);
	tokens_free(&toks);
	free(text);
	return 0;
}
