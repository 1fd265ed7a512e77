/* Splitting preprocessed C into top-level declarations, and which of them
 * a translation unit keeps (see used-decls.c for why). */
#include "decls.h"
#include "../create-diff-object/util.h"
#include <stdlib.h>
#include <string.h>

enum word {
	W_NAME,		/* an identifier that may name something declared */
	W_KEYWORD,	/* a type, qualifier or other keyword: names nothing */
	W_STATIC, W_EXTERN, W_TYPEDEF,
	W_AGGR,		/* struct, union: a tag or a body follows */
	W_ENUM,		/* every name in an enum's declaration may be a constant */
	W_ATTR,		/* __attribute__((...)) follows */
	W_GROUP,	/* typeof(...), asm("label"), _Alignas(...): no declarator inside */
	W_ROOT,		/* a top-level asm or static assertion: always kept */
	W_KEEP,		/* an attribute that makes the compiler emit it unused */
	W_IGNORED,	/* __extension__ */
};

static const struct { const char *s; enum word w; } words[] = {
	{ "static", W_STATIC }, { "extern", W_EXTERN }, { "typedef", W_TYPEDEF },
	{ "struct", W_AGGR }, { "union", W_AGGR }, { "enum", W_ENUM },
	{ "__attribute__", W_ATTR }, { "__attribute", W_ATTR },
	{ "typeof", W_GROUP }, { "__typeof__", W_GROUP }, { "__typeof", W_GROUP },
	{ "typeof_unqual", W_GROUP }, { "__typeof_unqual__", W_GROUP },
	{ "_Alignas", W_GROUP }, { "alignas", W_GROUP },
	{ "asm", W_GROUP }, { "__asm__", W_GROUP }, { "__asm", W_GROUP },
	{ "_Static_assert", W_ROOT }, { "static_assert", W_ROOT },
	{ "__extension__", W_IGNORED },
	/* Attributes that emit a declaration nothing uses, or tie it to
	 * another name by a string; also their underscored spellings. */
	{ "used", W_KEEP }, { "__used__", W_KEEP }, { "retain", W_KEEP }, { "__retain__", W_KEEP },
	{ "constructor", W_KEEP }, { "__constructor__", W_KEEP },
	{ "destructor", W_KEEP }, { "__destructor__", W_KEEP },
	{ "externally_visible", W_KEEP }, { "__externally_visible__", W_KEEP },
	{ "no_reorder", W_KEEP }, { "__no_reorder__", W_KEEP },
	{ "alias", W_KEEP }, { "__alias__", W_KEEP }, { "ifunc", W_KEEP }, { "__ifunc__", W_KEEP },
	{ "weakref", W_KEEP }, { "__weakref__", W_KEEP }, { "symver", W_KEEP }, { "__symver__", W_KEEP },
	/* C keywords and GNU spellings that name nothing. */
	{ "auto", W_KEYWORD }, { "break", W_KEYWORD }, { "case", W_KEYWORD }, { "char", W_KEYWORD },
	{ "const", W_KEYWORD }, { "continue", W_KEYWORD }, { "default", W_KEYWORD }, { "do", W_KEYWORD },
	{ "double", W_KEYWORD }, { "else", W_KEYWORD }, { "float", W_KEYWORD }, { "for", W_KEYWORD },
	{ "goto", W_KEYWORD }, { "if", W_KEYWORD }, { "inline", W_KEYWORD }, { "int", W_KEYWORD },
	{ "long", W_KEYWORD }, { "register", W_KEYWORD }, { "restrict", W_KEYWORD }, { "return", W_KEYWORD },
	{ "short", W_KEYWORD }, { "signed", W_KEYWORD }, { "sizeof", W_KEYWORD }, { "switch", W_KEYWORD },
	{ "unsigned", W_KEYWORD }, { "void", W_KEYWORD }, { "volatile", W_KEYWORD }, { "while", W_KEYWORD },
	{ "_Alignof", W_KEYWORD }, { "_Atomic", W_KEYWORD }, { "_Bool", W_KEYWORD },
	{ "_Complex", W_KEYWORD }, { "_Generic", W_KEYWORD }, { "_Imaginary", W_KEYWORD },
	{ "_Noreturn", W_KEYWORD }, { "_Thread_local", W_KEYWORD }, { "__thread", W_KEYWORD },
	{ "__inline", W_KEYWORD }, { "__inline__", W_KEYWORD }, { "__const", W_KEYWORD },
	{ "__const__", W_KEYWORD }, { "__volatile", W_KEYWORD }, { "__volatile__", W_KEYWORD },
	{ "__restrict", W_KEYWORD }, { "__restrict__", W_KEYWORD }, { "__signed", W_KEYWORD },
	{ "__signed__", W_KEYWORD }, { "__alignof__", W_KEYWORD }, { "__auto_type", W_KEYWORD },
	{ "__int128", W_KEYWORD }, { "__label__", W_KEYWORD }, { "__seg_gs", W_KEYWORD },
	{ "__seg_fs", W_KEYWORD }, { "__builtin_va_list", W_KEYWORD },
};

/* Per name id: its enum word. */
static unsigned char *word_classes(const struct tokens *t)
{
	unsigned char *w = xcalloc(t->nnames ? t->nnames : 1, 1);
	size_t i;
	long id;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((id = name_lookup(t, words[i].s, strlen(words[i].s))) >= 0)
			w[id] = (unsigned char)words[i].w;
	return w;
}

enum body { BODY_NONE, BODY_FUNCTION, BODY_AGGREGATE, BODY_INITIALIZER };

/* What one declaration has shown so far, at its top level (depth 0,
 * attribute and typeof groups aside). */
struct scan {
	size_t first;
	int depth;
	bool in_group, group_next;	/* inside a group's parentheses; one follows */
	long last;			/* last token at depth 0 outside groups */
	long name;			/* the identifier before the first '(': a function's */
	enum body body;
	bool body_closed, after_body_name;
	bool is_static, is_extern, is_typedef, has_aggr, has_enum;
	bool has_eq, has_comma, odd_paren, keep, root;
	uint32_t defs;			/* start of this declaration's names in d->defs */
};

static void add_def(struct decls *d, uint32_t name)
{
	d->defs = xgrow(d->defs, d->ndefs, sizeof(*d->defs));
	d->defs[d->ndefs++] = name;
}

static bool punct(const struct tokens *t, long k, char c)
{
	return k >= 0 && t->v[k].kind == TOK_PUNCT && t->text[t->v[k].off] == c;
}

/* An identifier at depth 0, outside groups. */
static void top_ident(struct scan *s, struct decls *d, const struct tokens *t, size_t k, enum word w)
{
	switch (w) {
	case W_ATTR:
	case W_GROUP:
		s->group_next = true;
		if (w == W_GROUP && k == s->first)
			s->root = true;		/* asm("...") at top level */
		return;
	case W_IGNORED:
		return;
	case W_ROOT:
		s->root = true;
		break;
	case W_STATIC: s->is_static = true; break;
	case W_EXTERN: s->is_extern = true; break;
	case W_TYPEDEF: s->is_typedef = true; break;
	case W_AGGR: s->has_aggr = true; break;
	case W_ENUM: s->has_aggr = s->has_enum = true; break;
	case W_NAME:
	case W_KEEP:
		add_def(d, t->v[k].name);
		s->after_body_name |= s->body_closed;
		break;
	default:
		break;
	}
	s->last = (long)k;
}

/* A brace at depth 0 opens a function's body (after the parameters'
 * ')'), a struct, union or enum (after its keyword or tag), or an
 * initializer (after '='); anything else is not understood, and kept. */
static enum body brace_kind(const struct scan *s, const struct tokens *t, const unsigned char *w)
{
	if (s->has_eq)
		return BODY_INITIALIZER;
	if (s->body != BODY_NONE)
		return BODY_NONE;
	if (punct(t, s->last, ')') && s->name >= 0 && !s->is_typedef)
		return BODY_FUNCTION;
	if (s->has_aggr && s->last >= 0 && t->v[s->last].kind == TOK_IDENT &&
	    (w[t->v[s->last].name] == W_AGGR || w[t->v[s->last].name] == W_ENUM || w[t->v[s->last].name] == W_NAME))
		return BODY_AGGREGATE;
	return BODY_NONE;
}

static void open_bracket(struct scan *s, const struct tokens *t, size_t k, const unsigned char *w)
{
	char c = t->text[t->v[k].off];
	enum body b;

	if (s->depth++ > 0)
		return;
	if (s->group_next && c == '(') {
		s->group_next = false;
		s->in_group = true;
		return;
	}
	s->group_next = false;
	if (c == '(' && s->name < 0 && !s->odd_paren) {
		if (s->last >= 0 && t->v[s->last].kind == TOK_IDENT && w[t->v[s->last].name] == W_NAME)
			s->name = s->last;
		else
			s->odd_paren = true;	/* int (*p)(void), or worse: no plain name */
	}
	if (c == '{') {
		b = brace_kind(s, t, w);
		if (b == BODY_NONE)
			s->root = true;
		else if (s->body == BODY_NONE)
			s->body = b;
	}
	s->last = (long)k;
}

/* Returns true when the bracket ends the declaration (a function body). */
static bool close_bracket(struct scan *s, const struct tokens *t, size_t k)
{
	if (s->depth == 0) {
		s->root = true;		/* unbalanced: not C we understand */
		return false;
	}
	if (--s->depth > 0)
		return false;
	if (s->in_group) {
		s->in_group = false;
		return false;
	}
	s->last = (long)k;
	if (t->text[t->v[k].off] != '}')
		return false;
	if (s->body == BODY_FUNCTION)
		return true;
	s->body_closed = true;
	return false;
}

/* The names a type or variable declaration declares: every name outside
 * braces (typedef void (*fn_t)(void) declares one in parentheses) and every
 * tag; every name at all where it declares an enum's constants (they may
 * sit in a nested body). More names only keep more. */
static void inner_defs(struct decls *d, const struct tokens *t, const struct scan *s, size_t end,
		       const unsigned char *w)
{
	size_t k;
	int braces = 0;

	for (k = s->first; k < end; k++) {
		const struct tok *tk = &t->v[k];

		if (tk->kind == TOK_PUNCT && (t->text[tk->off] == '{' || t->text[tk->off] == '}'))
			braces += t->text[tk->off] == '{' ? 1 : -1;
		if (tk->kind != TOK_IDENT || w[tk->name] != W_NAME)
			continue;
		if (s->has_enum || braces == 0 ||
		    (t->v[k - 1].kind == TOK_IDENT &&
		     (w[t->v[k - 1].name] == W_AGGR || w[t->v[k - 1].name] == W_ENUM)))
			add_def(d, tk->name);
	}
}

/* Whether the declaration may be left out when unused, and its names. */
static bool classify(struct decls *d, const struct tokens *t, const struct scan *s, size_t end,
		     const unsigned char *w)
{
	bool type = s->is_typedef || s->body == BODY_AGGREGATE;

	if (s->root || s->depth != 0 || s->in_group)
		return false;
	if (s->body == BODY_FUNCTION || (!type && s->name >= 0 && !s->has_eq && !s->has_comma && !s->odd_paren &&
					 s->body == BODY_NONE)) {
		/* A function, defined or declared: its name only. A definition
		 * is left out only when static (an extern one is emitted). */
		d->ndefs = s->defs;
		add_def(d, t->v[s->name].name);
		return !s->keep && (s->body != BODY_FUNCTION || s->is_static);
	}
	if (s->keep)
		return false;
	if (type) {
		/* struct x { } v; defines v: kept unless static or extern. */
		if (!s->is_typedef && s->after_body_name && !s->is_static && !s->is_extern)
			return false;
		inner_defs(d, t, s, end, w);
		return true;
	}
	/* A variable: an extern declaration, or a static definition. */
	if ((s->is_extern && !s->has_eq) || s->is_static) {
		inner_defs(d, t, s, end, w);
		return true;
	}
	return false;
}

static void end_decl(struct decls *d, const struct tokens *t, struct scan *s, size_t end,
		     const unsigned char *w)
{
	struct decl x = { .first = (uint32_t)s->first, .last = (uint32_t)end };

	x.droppable = classify(d, t, s, end, w);
	if (!x.droppable)
		d->ndefs = s->defs;
	x.defs = s->defs;
	x.ndefs = (uint32_t)(d->ndefs - s->defs);
	d->v = xgrow(d->v, d->n, sizeof(*d->v));
	d->v[d->n++] = x;
	*s = (struct scan){ .first = end, .last = -1, .name = -1, .defs = (uint32_t)d->ndefs };
}

void split_decls(struct decls *d, const struct tokens *t)
{
	unsigned char *w = word_classes(t);
	struct scan s = { .last = -1, .name = -1 };
	size_t k;

	memset(d, 0, sizeof(*d));
	for (k = 0; k < t->n; k++) {
		const struct tok *tk = &t->v[k];
		char c = tk->kind == TOK_PUNCT ? t->text[tk->off] : 0;
		bool in_body = s.body == BODY_FUNCTION && s.depth > 0;

		if (tk->kind == TOK_IDENT && w[tk->name] == W_KEEP && !in_body)
			s.keep = true;
		if (tk->kind == TOK_IDENT && w[tk->name] == W_ENUM)
			s.has_enum = true;
		if (s.depth > 0) {
			if (c == '(' || c == '[' || c == '{')
				open_bracket(&s, t, k, w);
			else if ((c == ')' || c == ']' || c == '}') && close_bracket(&s, t, k))
				end_decl(d, t, &s, k + 1, w);
			continue;
		}
		if (s.group_next && c != '(')
			s.group_next = false;
		switch (tk->kind) {
		case TOK_DIRECTIVE:
			/* A #pragma between declarations stands alone; inside
			 * one, it is kept with it. */
			if (k == s.first) {
				s.root = true;
				end_decl(d, t, &s, k + 1, w);
			} else {
				s.root = true;
			}
			break;
		case TOK_IDENT:
			top_ident(&s, d, t, k, (enum word)w[tk->name]);
			break;
		case TOK_PUNCT:
			if (c == '(' || c == '[' || c == '{') {
				open_bracket(&s, t, k, w);
			} else if (c == ')' || c == ']' || c == '}') {
				if (close_bracket(&s, t, k))
					end_decl(d, t, &s, k + 1, w);
			} else if (c == ';') {
				end_decl(d, t, &s, k + 1, w);
			} else {
				s.has_eq |= c == '=';
				s.has_comma |= c == ',';
				s.last = (long)k;
			}
			break;
		default:
			s.last = (long)k;
			break;
		}
	}
	if (s.first < t->n) {
		s.root = true;		/* cut off: not a whole declaration */
		end_decl(d, t, &s, t->n, w);
	}
	free(w);
}

/* Names that string literals and #pragma lines mention (asm("call f"),
 * alias("f")): each word that is also an identifier of the unit. */
static void string_names(const struct tokens *t, const struct tok *tk, void (*ref)(void *, uint32_t), void *ctx)
{
	const char *s = t->text + tk->off;
	size_t i = 0, j;
	long id;

	while (i < tk->len) {
		if (!ident_char(s[i])) {
			i++;
			continue;
		}
		for (j = i; j < tk->len && ident_char(s[j]); j++)
			;
		if ((id = name_lookup(t, s + i, j - i)) >= 0)
			ref(ctx, (uint32_t)id);
		i = j;
	}
}

struct reach {
	struct decls *d;
	uint32_t *start, *by_name;	/* droppable declarations of each name */
	bool *named;
	uint32_t *stack;
	size_t nstack;
};

static void reach_name(void *ctx, uint32_t name)
{
	struct reach *r = ctx;
	uint32_t i;

	if (r->named[name])
		return;
	r->named[name] = true;
	for (i = r->start[name]; i < r->start[name + 1]; i++) {
		struct decl *x = &r->d->v[r->by_name[i]];

		if (!x->kept) {
			x->kept = true;
			r->stack[r->nstack++] = r->by_name[i];
		}
	}
}

void mark_kept(struct decls *d, const struct tokens *t)
{
	struct reach r = { .d = d };
	size_t i, k, n = t->nnames;

	/* Declarations by name: counts, then offsets, then the lists. */
	r.start = xcalloc(n + 2, sizeof(*r.start));
	for (i = 0; i < d->n; i++)
		for (k = 0; d->v[i].droppable && k < d->v[i].ndefs; k++)
			r.start[d->defs[d->v[i].defs + k] + 2]++;
	for (i = 2; i < n + 2; i++)
		r.start[i] += r.start[i - 1];
	r.by_name = xcalloc(r.start[n + 1] + 1, sizeof(*r.by_name));
	for (i = 0; i < d->n; i++)
		for (k = 0; d->v[i].droppable && k < d->v[i].ndefs; k++)
			r.by_name[r.start[d->defs[d->v[i].defs + k] + 1]++] = (uint32_t)i;
	r.named = xcalloc(n + 1, sizeof(*r.named));
	r.stack = xcalloc(d->n + 1, sizeof(*r.stack));
	for (i = 0; i < d->n; i++)
		if (!d->v[i].droppable) {
			d->v[i].kept = true;
			r.stack[r.nstack++] = (uint32_t)i;
		}
	while (r.nstack) {
		const struct decl *x = &d->v[r.stack[--r.nstack]];

		for (k = x->first; k < x->last; k++) {
			const struct tok *tk = &t->v[k];

			if (tk->kind == TOK_IDENT)
				reach_name(&r, tk->name);
			else if (tk->kind == TOK_STRING || tk->kind == TOK_DIRECTIVE)
				string_names(t, tk, reach_name, &r);
		}
	}
	free(r.start);
	free(r.by_name);
	free(r.named);
	free(r.stack);
}

void decls_free(struct decls *d)
{
	free(d->v);
	free(d->defs);
	memset(d, 0, sizeof(*d));
}
