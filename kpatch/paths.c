// SPDX-License-Identifier: GPL-2.0
/* Paths under an optional test root, and small file helpers. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>

#include "kpatch.h"

/* A few rotating buffers: callers use a path right away or copy it. */
const char *path(const char *fmt, ...)
{
	static char bufs[8][4096];
	static int next;
	char *b = bufs[next++ % 8];
	const char *root = getenv("KPATCH_ROOT");
	size_t n = (size_t)snprintf(b, sizeof(bufs[0]), "%s", root ? root : "");
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b + n, sizeof(bufs[0]) - n, fmt, ap);
	va_end(ap);
	return b;
}

const char *running_kver(void)
{
	static struct utsname u;
	const char *fake = getenv("KPATCH_KVER");

	if (fake)
		return fake;
	if (!u.release[0])
		uname(&u);
	return u.release;
}

char *read_line(const char *file)
{
	FILE *f = fopen(file, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!f)
		return NULL;
	n = getline(&line, &cap, f);
	fclose(f);
	if (n < 0) {
		free(line);
		return xstrdup("");
	}
	line[strcspn(line, "\n")] = 0;
	return line;
}

bool write_str(const char *file, const char *s)
{
	FILE *f = fopen(file, "w");
	bool ok;

	if (!f)
		return false;
	ok = fputs(s, f) >= 0;
	return (fclose(f) == 0) && ok;
}

bool is_dir(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISDIR(st.st_mode);
}

bool is_file(const char *p)
{
	struct stat st;

	return !stat(p, &st) && S_ISREG(st.st_mode);
}

char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d) {
		fputs("kpatch: out of memory\n", stderr);
		exit(EXIT_ERROR);
	}
	return d;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p) {
		fputs("kpatch: out of memory\n", stderr);
		exit(EXIT_ERROR);
	}
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (!q) {
		fputs("kpatch: out of memory\n", stderr);
		exit(EXIT_ERROR);
	}
	return q;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of DIR ending in SUFFIX (any when ""), sorted; NULL-terminated. */
char **list_dir(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = xcalloc(1, sizeof(char *));
	size_t n = 0, slen = strlen(suffix);

	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len < slen || strcmp(e->d_name + len - slen, suffix))
			continue;
		names = realloc(names, (n + 2) * sizeof(char *));
		if (!names) {
			fputs("kpatch: out of memory\n", stderr);
			exit(EXIT_ERROR);
		}
		names[n++] = xstrdup(e->d_name);
		names[n] = NULL;
	}
	if (d)
		closedir(d);
	qsort(names, n, sizeof(char *), cmp_str);
	return names;
}

void free_list(char **names)
{
	for (char **p = names; p && *p; p++)
		free(*p);
	free(names);
}
