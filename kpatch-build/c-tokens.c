/* Tokenizer for preprocessed C. Identifiers are interned (one id per
 * distinct name) so later passes compare and index them by number. */
#include "c-tokens.h"
#include "../create-diff-object/hash.h"
#include "../create-diff-object/util.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool digit(int c)
{
	return c >= '0' && c <= '9';
}

static uint32_t intern(struct tokens *t, const char *s, size_t len)
{
	long id = name_lookup(t, s, len);
	char *copy;

	if (id >= 0)
		return (uint32_t)id;
	copy = xcalloc(len + 1, 1);
	memcpy(copy, s, len);
	t->names = xgrow(t->names, t->nnames, sizeof(*t->names));
	t->names[t->nnames] = copy;
	ht_put(t->index, copy, (void *)(uintptr_t)(t->nnames + 1));
	return (uint32_t)t->nnames++;
}

long name_lookup(const struct tokens *t, const char *s, size_t len)
{
	char small[128], *key = len < sizeof(small) ? small : xcalloc(len + 1, 1);
	void *v;

	memcpy(key, s, len);
	key[len] = '\0';
	/* An identifier with a NUL byte inside is no C name: never found. */
	v = strlen(key) == len ? ht_get(t->index, key, NULL) : NULL;
	if (key != small)
		free(key);
	return v ? (long)((uintptr_t)v - 1) : -1;
}

/* End of the literal that starts at P (a quote): the matching quote, or
 * the end of the line for one left open (not C, but never read past). */
static size_t literal_end(const char *s, size_t p, size_t len)
{
	char q = s[p++];

	while (p < len && s[p] != q && s[p] != '\n')
		p += s[p] == '\\' && p + 1 < len && s[p + 1] != '\n' ? 2 : 1;
	return p < len && s[p] == q ? p + 1 : p;
}

static size_t number_end(const char *s, size_t p, size_t len)
{
	while (p < len) {
		if ((s[p] == 'e' || s[p] == 'E' || s[p] == 'p' || s[p] == 'P') && p + 1 < len &&
		    (s[p + 1] == '+' || s[p + 1] == '-'))
			p += 2;
		else if (ident_char(s[p]) || s[p] == '.')
			p++;
		else
			break;
	}
	return p;
}

static size_t line_end(const char *s, size_t p, size_t len)
{
	const char *nl = memchr(s + p, '\n', len - p);

	return nl ? (size_t)(nl - s) : len;
}

/* "# 12 "file" 1" and "#line 12": where the text came from, not C. */
static bool line_marker(const char *s, size_t p, size_t end)
{
	p++;
	while (p < end && (s[p] == ' ' || s[p] == '\t'))
		p++;
	if (end - p >= 4 && !memcmp(s + p, "line", 4))
		return true;
	return p < end && digit(s[p]);
}

void tokenize(struct tokens *t, const char *s, size_t len)
{
	size_t p = 0, e;
	bool line_start = true, sp = false;
	uint8_t kind;

	memset(t, 0, sizeof(*t));
	if (len > UINT32_MAX)
		die(EXIT_ERROR, "preprocessed source of %zu bytes: more than 4 GiB", len);
	t->text = s;
	t->index = xcalloc(1, sizeof(struct ht));
	ht_init(t->index, 4096);
	while (p < len) {
		if (space(s[p])) {
			line_start |= s[p] == '\n';
			sp = true;
			p++;
			continue;
		}
		if (s[p] == '#' && line_start) {
			e = line_end(s, p, len);
			if (line_marker(s, p, e)) {
				p = e;
				continue;
			}
			kind = TOK_DIRECTIVE;
		} else if (ident_char(s[p]) && !digit(s[p])) {
			for (e = p + 1; e < len && ident_char(s[e]); e++)
				;
			kind = TOK_IDENT;
		} else if (digit(s[p]) || (s[p] == '.' && p + 1 < len && digit(s[p + 1]))) {
			e = number_end(s, p + 1, len);
			kind = TOK_NUMBER;
		} else if (s[p] == '"' || s[p] == '\'') {
			e = literal_end(s, p, len);
			kind = TOK_STRING;
		} else {
			e = p + 1;
			kind = TOK_PUNCT;
		}
		line_start = false;
		t->v = xgrow(t->v, t->n, sizeof(*t->v));
		t->v[t->n] = (struct tok){ .off = (uint32_t)p, .len = (uint32_t)(e - p), .kind = kind,
					   .space_before = sp,
					   .name = kind == TOK_IDENT ? intern(t, s + p, e - p) : 0 };
		t->n++;
		sp = false;
		p = e;
	}
}

void tokens_free(struct tokens *t)
{
	size_t i;

	for (i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->names);
	free(t->v);
	if (t->index)
		ht_free(t->index);
	free(t->index);
	memset(t, 0, sizeof(*t));
}
