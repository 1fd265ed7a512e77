/* Tokens of preprocessed C (gcc -E output): enough to split it into
 * top-level declarations and to compare it token by token. */
#ifndef KB_C_TOKENS_H
#define KB_C_TOKENS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tok_kind {
	TOK_IDENT,	/* identifier or keyword */
	TOK_NUMBER,	/* preprocessing number */
	TOK_STRING,	/* string or character literal, quotes included */
	TOK_DIRECTIVE,	/* a whole #pragma (or other #) line; line markers are dropped */
	TOK_PUNCT,	/* one character of anything else */
};

struct tok {
	uint32_t off, len;	/* in the text */
	uint32_t name;		/* TOK_IDENT: interned name id */
	uint8_t kind;
	bool space_before;	/* whitespace between this token and the one before */
};

struct tokens {
	const char *text;
	struct tok *v;
	size_t n;
	char **names;		/* name id -> identifier */
	size_t nnames;
	void *index;		/* struct ht: identifier -> 1 + name id */
};

/* Tokenizes TEXT (LEN bytes, not NUL-terminated, any bytes: what is not C
 * becomes punctuation). Dies when the text is over 4 GiB. */
void tokenize(struct tokens *t, const char *text, size_t len);
/* The name id of the identifier S..S+LEN, or -1 when no token is one. */
long name_lookup(const struct tokens *t, const char *s, size_t len);
void tokens_free(struct tokens *t);

static inline bool tok_is(const struct tokens *t, const struct tok *k, const char *s)
{
	size_t i;

	for (i = 0; i < k->len; i++)
		if (s[i] == '\0' || s[i] != t->text[k->off + i])
			return false;
	return s[i] == '\0';
}

static inline bool ident_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

#endif
