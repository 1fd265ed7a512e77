/* Diagnostics, exit codes (FORMAT.md) and checked allocation. */
#ifndef CDO_UTIL_H
#define CDO_UTIL_H
#include <stddef.h>
#include <stdbool.h>

enum exit_code { EXIT_WRITTEN = 0, EXIT_ERROR = 1, EXIT_REFUSED = 2, EXIT_NOCHANGE = 3 };

extern const char *g_tool;	/* program named in every message */
extern const char *g_objname;	/* object named in every message */
extern bool g_debug;

/* Print "TOOL: ERROR: OBJ: ..." and exit with CODE. */
__attribute__((noreturn, format(printf, 2, 3)))
void die(int code, const char *fmt, ...);
__attribute__((format(printf, 1, 2)))
void debug(const char *fmt, ...);
/* "create-diff-object: OBJ: ...": what the engineer should see on success
 * (kpatch-build shows these lines in its progress). */
__attribute__((format(printf, 1, 2)))
void note(const char *fmt, ...);

void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
/* Room for element N of array P that grows one element at a time (N is
 * its count): the capacity is the power of two at or above N, at least 16,
 * so N appends cost O(N) copying, not O(N^2). */
void *xgrow(void *p, size_t n, size_t size);

/* Growable byte buffer. */
struct buf { unsigned char *p; size_t len, cap; };
size_t buf_add(struct buf *b, const void *data, size_t len);
size_t buf_zero(struct buf *b, size_t len, size_t align);
void buf_free(struct buf *b);

#endif
