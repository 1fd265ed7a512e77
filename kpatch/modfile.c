// SPDX-License-Identifier: GPL-2.0
/*
 * Where a patch module's file is: the installed ones for a kernel
 * (/var/lib/kpatch/KVER/ from kpatch install, /lib/modules/KVER/livepatch/
 * from a KMP), indexed once by module name, and the file a loaded patch came
 * from (recorded by kpatch load in /run/kpatch/NAME with its size and mtime,
 * else the installed one), checked against what the kernel says about the
 * loaded module.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpatch.h"

/* In lookup order: a name in the first shadows the same name in the second. */
static const char *const module_dirs[] = { "/var/lib/kpatch/%s", "/lib/modules/%s/livepatch" };
#define NDIRS (sizeof(module_dirs) / sizeof(module_dirs[0]))

const char *module_dir(size_t i, const char *kver)
{
	return i < NDIRS ? path(module_dirs[i], kver) : NULL;
}

struct modentry {
	char *key;           /* module name as sysfs spells it */
	char *file;
	size_t prio;         /* index in module_dirs */
};

static int cmp_entry(const void *a, const void *b)
{
	const struct modentry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->prio > y->prio) - (x->prio < y->prio);
}

void modindex_build(struct modindex *idx, const char *kver)
{
	memset(idx, 0, sizeof(*idx));
	for (size_t d = 0; d < NDIRS; d++) {
		char *dir = xstrdup(module_dir(d, kver));
		char **files = list_dir(dir, ".ko");

		for (char **f = files; *f; f++) {
			struct modentry *e;

			idx->v = xrealloc(idx->v, (idx->n + 1) * sizeof(*idx->v));
			e = &idx->v[idx->n++];
			(*f)[strlen(*f) - 3] = 0;
			e->key = sysfs_name(*f);
			if (asprintf(&e->file, "%s/%s.ko", dir, *f) < 0)
				e->file = NULL;
			e->prio = d;
		}
		free_list(files);
		free(dir);
	}
	if (idx->n)
		qsort(idx->v, idx->n, sizeof(*idx->v), cmp_entry);
}

/* The installed file of module NAME (either spelling, - or _), NULL if none. */
const char *modindex_find(const struct modindex *idx, const char *name)
{
	char *key = sysfs_name(name);
	size_t lo = 0, hi = idx->n;

	while (lo < hi) {  /* the first entry not below key: the highest-priority one */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(idx->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	hi = lo < idx->n && !strcmp(idx->v[lo].key, key);
	free(key);
	return hi ? idx->v[lo].file : NULL;
}

void modindex_free(struct modindex *idx)
{
	for (size_t i = 0; i < idx->n; i++) {
		free(idx->v[i].key);
		free(idx->v[i].file);
	}
	free(idx->v);
	memset(idx, 0, sizeof(*idx));
}

/*
 * kpatch load remembers which file a patch came from, until reboot, as
 * "SIZE MTIME PATH" so that a file replaced since is not taken for it.
 */
void record_loaded(const char *name, const char *file)
{
	char *abs = realpath(file, NULL), *line;
	struct stat st;

	mkdir(path("/run"), 0755);  /* there on every system but a bare initramfs */
	if (abs && !stat(abs, &st) && (mkdir(path("/run/kpatch"), 0755) == 0 || errno == EEXIST) &&
	    asprintf(&line, "%lld %lld.%09ld %s", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		     st.st_mtim.tv_nsec, abs) > 0) {
		write_str(path("/run/kpatch/%s", name), line);
		free(line);
	}
	free(abs);
}

void forget_loaded(const char *name)
{
	unlink(path("/run/kpatch/%s", name));
}

/* The kernel's word on the loaded module (when it has one) must match the file's. */
static const char *mismatch(const char *name, const struct modinfo *mi)
{
	static const struct { const char *attr; size_t off; } keys[] = {
		{ "srcversion", offsetof(struct modinfo, srcversion) },
		{ "version", offsetof(struct modinfo, version) },
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		char *live = read_line(path("/sys/module/%s/%s", name, keys[i].attr));
		const char *mine = *(char *const *)((const char *)mi + keys[i].off);
		bool differs = live && mine && strcmp(live, mine);

		free(live);
		if (differs)
			return keys[i].attr;
	}
	return NULL;
}

/* FILE is the module loaded as NAME; else *why says what differs. */
static bool try_file(const char *name, const char *file, struct modinfo *mi, char **why)
{
	const char *err, *attr;
	char *mname;
	bool same;

	if (!file || modinfo_read(file, mi, &err) != EXIT_OK)
		return false;
	mname = sysfs_name(mi->name);
	attr = strcmp(mname, name) ? "name" : mismatch(name, mi);
	same = !attr;
	free(mname);
	if (!same) {
		free(*why);
		if (asprintf(why, "%s is another build: its %s differs from the loaded module's", file, attr) < 0)
			*why = NULL;
		modinfo_free(mi);
	}
	return same;
}

/*
 * The modinfo of loaded patch NAME, from the file kpatch load recorded, else
 * the installed one; *file is set to it. False when neither is that module,
 * with *why saying so (to free).
 */
bool loaded_modinfo(const char *name, const struct modindex *idx, struct modinfo *mi, char **file, char **why)
{
	char *rec = read_line(path("/run/kpatch/%s", name));
	const char *installed = modindex_find(idx, name), *recorded;
	long long size, sec;
	long nsec;
	int at = 0;
	struct stat st;

	*why = NULL;
	*file = NULL;
	if (rec && sscanf(rec, "%lld %lld.%ld %n", &size, &sec, &nsec, &at) == 3 && at > 0 &&
	    !stat((recorded = rec + at), &st)) {
		/* The file kpatch load loaded is still there: it, or nothing. */
		if (st.st_size != size || st.st_mtim.tv_sec != sec || st.st_mtim.tv_nsec != nsec) {
			if (asprintf(why, "%s, the file kpatch load loaded, has changed since", recorded) < 0)
				*why = NULL;
		} else if (try_file(name, recorded, mi, why)) {
			*file = xstrdup(recorded);
		}
	} else if (try_file(name, installed, mi, why)) {
		*file = xstrdup(installed);
	} else if (!*why && asprintf(why, "no module file of %s found: not loaded by kpatch load, not installed for %s",
				     name, running_kver()) < 0) {
		*why = NULL;
	}
	free(rec);
	if (*file) {
		free(*why);
		*why = NULL;
	}
	return *file != NULL;
}

/* NAME is not installed: say where we looked and how to see what is. */
void say_not_installed(const char *name, const char *kver)
{
	fprintf(stderr, "kpatch: %s: no such patch module installed for %s (looked for %s.ko in", name, kver, name);
	for (size_t d = 0; module_dir(d, kver); d++)
		fprintf(stderr, "%s %s/", d ? " and" : "", module_dir(d, kver));
	fprintf(stderr, "); 'kpatch list' shows the installed ones\n");
}
