/* Diagnostics and allocation helpers shared by every pass. */
#include "util.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *g_tool = "create-diff-object";
const char *g_objname = "?";
bool g_debug;
void die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: %s: ", g_tool,
		code == EXIT_REFUSED ? "ERROR (cannot live patch)" : "ERROR", g_objname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

void debug(const char *fmt, ...)
{
	va_list ap;

	if (!g_debug)
		return;
	fprintf(stderr, "%s: DEBUG: ", g_tool);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void note(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", g_tool, g_objname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die(EXIT_ERROR, "out of memory");
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die(EXIT_ERROR, "out of memory");
	return p;
}

void *xgrow(void *p, size_t n, size_t size)
{
	if (p && (n < 16 || (n & (n - 1))))
		return p;
	return xrealloc(p, (n < 16 ? 16 : 2 * n) * size);
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die(EXIT_ERROR, "out of memory");
	return p;
}

static void buf_grow(struct buf *b, size_t need)
{
	if (b->len + need <= b->cap)
		return;
	while (b->len + need > b->cap)
		b->cap = b->cap ? b->cap * 2 : 256;
	b->p = xrealloc(b->p, b->cap);
}

size_t buf_add(struct buf *b, const void *data, size_t len)
{
	size_t off = b->len;

	buf_grow(b, len);
	if (len)
		memcpy(b->p + off, data, len);
	b->len += len;
	return off;
}

/* Append LEN zero bytes at an offset aligned to ALIGN; return that offset. */
size_t buf_zero(struct buf *b, size_t len, size_t align)
{
	size_t pad = align > 1 ? (align - b->len % align) % align : 0;
	size_t off;

	buf_grow(b, pad + len);
	memset(b->p + b->len, 0, pad + len);
	off = b->len + pad;
	b->len += pad + len;
	return off;
}

void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
