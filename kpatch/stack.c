// SPDX-License-Identifier: GPL-2.0
/*
 * The loaded patches in stack order, bottom first: the order the livepatch
 * core applies them in, so the last one's code is what runs. The kernel says
 * it in /sys/kernel/livepatch/NAME/stack_order (since 6.7); before that the
 * order is the load order, which /proc/modules gives newest first; without
 * it, name order.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpatch.h"

const char *const stack_source_words[] = {
	[STACK_KERNEL] = "the kernel's stack_order",
	[STACK_LOADED] = "load order",
	[STACK_NAMES] = "name order: neither stack_order nor /proc/modules is readable",
};

bool livepatch_supported(void)
{
	return is_dir(path("/sys/kernel/livepatch"));
}

struct ranked {
	char *name;
	long rank;           /* stack_order, or load position; LONG_MAX when unknown */
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct ranked *)a)->name, ((const struct ranked *)b)->name);
}

/* /proc/modules as (name, load position), sorted by name; the file lists the newest first. */
static struct ranked *load_order_read(size_t *n, bool *readable)
{
	FILE *f = fopen(path("/proc/modules"), "r");
	struct ranked *v = NULL;
	char line[512];

	*n = 0;
	*readable = f != NULL;
	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, " \n")] = 0;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[*n] = (struct ranked){ xstrdup(line), -(long)*n };
		(*n)++;
	}
	if (f)
		fclose(f);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_name);
	return v;
}

/* NAME's load position (higher: loaded later), LONG_MAX if not listed. */
static long load_position(const struct ranked *v, size_t n, const char *name)
{
	struct ranked key = { (char *)name, 0 };
	const struct ranked *hit = n ? bsearch(&key, v, n, sizeof(*v), cmp_name) : NULL;

	return hit ? hit->rank : LONG_MAX;
}

char **stacked_patches(enum stack_source *source)
{
	char **names = list_dir(path("/sys/kernel/livepatch"), "");
	size_t n = 0, with_order = 0;
	struct ranked *r;

	while (names[n])
		n++;
	r = xcalloc(n, sizeof(*r));
	for (size_t i = 0; i < n; i++) {
		char *so = read_line(path("/sys/kernel/livepatch/%s/stack_order", names[i]));
		char *end = NULL;

		r[i].name = names[i];
		r[i].rank = so && *so ? strtol(so, &end, 10) : 0;
		with_order += so && *so && end && !*end;
		free(so);
	}
	*source = n && with_order == n ? STACK_KERNEL : STACK_LOADED;
	if (*source != STACK_KERNEL) {
		size_t nmod;
		bool readable;
		struct ranked *mods = load_order_read(&nmod, &readable);

		if (!readable)
			*source = STACK_NAMES;
		for (size_t i = 0; i < n; i++)
			r[i].rank = load_position(mods, nmod, names[i]);
		for (size_t i = 0; i < nmod; i++)
			free(mods[i].name);
		free(mods);
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	for (size_t i = 0; i < n; i++)
		names[i] = r[i].name;
	free(r);
	return names;
}
