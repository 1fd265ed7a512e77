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

/* Names the kernel's macros number with __COUNTER__ (__UNIQUE_ID(x) in
 * min(), guard(), __ADDRESSABLE(); compiletime_assert()): a static inline
 * removed above shifts every later number, in every includer. Each such
 * name is written with its number replaced by the order in which it first
 * appears in what is kept: a renaming of the whole text, so a change of
 * which name is used still shows, and the text still compiles. */
static const char *const counter_prefixes[] = { "__UNIQUE_ID_", "__compiletime_assert_" };

/* The length of NAME without its trailing digits, when it is a numbered
 * name; 0 otherwise. */
static size_t counter_stem(const char *name)
{
	size_t i, n = strlen(name), stem = n;

	while (stem > 0 && name[stem - 1] >= '0' && name[stem - 1] <= '9')
		stem--;
	if (stem == n)
		return 0;
	for (i = 0; i < sizeof(counter_prefixes) / sizeof(counter_prefixes[0]); i++)
		if (!strncmp(name, counter_prefixes[i], strlen(counter_prefixes[i])) &&
		    stem >= strlen(counter_prefixes[i]))
			return stem;
	return 0;
}

static void print_name(const struct tokens *t, uint32_t name, uint32_t *order, uint32_t *next, FILE *out)
{
	size_t stem = counter_stem(t->names[name]);

	if (!stem) {
		fputs(t->names[name], out);
		return;
	}
	if (!order[name])
		order[name] = ++*next;
	fprintf(out, "%.*s%u", (int)stem, t->names[name], order[name]);
}

/* A string's words are renamed too: a stringified macro argument
 * (compiletime_assert's message, BUILD_BUG_ON's) carries the numbers. */
static void print_string(const struct tokens *t, const struct tok *tk, uint32_t *order, uint32_t *next, FILE *out)
{
	const char *s = t->text + tk->off;
	size_t i = 0, j;
	long id;

	while (i < tk->len) {
		if (!ident_char(s[i]) || (s[i] >= '0' && s[i] <= '9')) {
			for (j = i + 1; j < tk->len && ident_char(s[j]) && (s[i] >= '0' && s[i] <= '9'); j++)
				;
			fwrite(s + i, 1, j - i, out);
			i = j;
			continue;
		}
		for (j = i; j < tk->len && ident_char(s[j]); j++)
			;
		if ((id = name_lookup(t, s + i, j - i)) >= 0)
			print_name(t, (uint32_t)id, order, next, out);
		else
			fwrite(s + i, 1, j - i, out);
		i = j;
	}
}

static void print_token(const struct tokens *t, const struct tok *tk, uint32_t *order, uint32_t *next, FILE *out)
{
	if (tk->kind == TOK_IDENT)
		print_name(t, tk->name, order, next, out);
	else if (tk->kind == TOK_STRING)
		print_string(t, tk, order, next, out);
	else
		fwrite(t->text + tk->off, 1, tk->len, out);
}

static void print_kept(const struct tokens *t, const struct decls *d, FILE *out)
{
	uint32_t *order = xcalloc(t->nnames + 1, sizeof(*order)), next = 0;
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
			print_token(t, tk, order, &next, out);
		}
		fputc('\n', out);
	}
	free(order);
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
