// SPDX-License-Identifier: GPL-2.0
/*
 * What a patch module fixes: its klp_fix=N:FIELD=VALUE modinfo strings
 * (doc/modinfo-keys.md) grouped per fix N, printed for people and as JSON,
 * and the CVEs of several modules as one sorted set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpatch.h"

/* One klp_fix string split in place: N, the field, the value. */
struct raw {
	unsigned long n;
	size_t order;        /* position in .modinfo: keeps list fields in their order */
	const char *field, *value;
	size_t flen;
};

static int cmp_raw(const void *a, const void *b)
{
	const struct raw *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The fields a fix has; one a reader does not know is skipped. */
static const struct {
	const char *name;
	bool list;           /* a const char ** and its count, else one const char * (first wins) */
	size_t off, count;
} fields[] = {
	{ "patch", false, offsetof(struct fix, patch), 0 },
	{ "subject", false, offsetof(struct fix, subject), 0 },
	{ "upstream", false, offsetof(struct fix, upstream), 0 },
	{ "cve", true, offsetof(struct fix, cves), offsetof(struct fix, ncves) },
	{ "fixes", true, offsetof(struct fix, tags), offsetof(struct fix, ntags) },
};

static void set_field(struct fix *f, const struct raw *r)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strlen(fields[i].name) != r->flen || strncmp(fields[i].name, r->field, r->flen))
			continue;
		if (fields[i].list) {
			const char ***list = (const char ***)((char *)f + fields[i].off);
			size_t *count = (size_t *)((char *)f + fields[i].count);

			*list = xrealloc(*list, (*count + 1) * sizeof(char *));
			(*list)[(*count)++] = r->value;
		} else {
			const char **slot = (const char **)((char *)f + fields[i].off);

			if (!*slot)
				*slot = r->value;
		}
		return;
	}
}

void fixes_from(const struct modinfo *mi, struct fixes *out)
{
	struct raw *raws = xcalloc(mi->nklp_fix, sizeof(*raws));
	size_t nraw = 0;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < mi->nklp_fix; i++) {
		const char *s = mi->klp_fix[i] ? mi->klp_fix[i] : "", *eq;
		char *end;
		unsigned long n = strtoul(s, &end, 10);

		if (end == s || *end != ':' || !(eq = strchr(end + 1, '=')))
			continue;  /* not N:FIELD=VALUE: not ours to guess at */
		raws[nraw++] = (struct raw){ n, i, end + 1, eq + 1, (size_t)(eq - end - 1) };
	}
	qsort(raws, nraw, sizeof(*raws), cmp_raw);
	out->v = xcalloc(nraw, sizeof(struct fix));
	for (size_t i = 0; i < nraw; i++) {
		if (!i || raws[i].n != raws[i - 1].n)
			out->v[out->n++].n = raws[i].n;
		set_field(&out->v[out->n - 1], &raws[i]);
	}
	free(raws);
}

void fixes_free(struct fixes *fx)
{
	for (size_t i = 0; i < fx->n; i++) {
		free(fx->v[i].cves);
		free(fx->v[i].tags);
	}
	free(fx->v);
	memset(fx, 0, sizeof(*fx));
}

void fixes_print(const struct fixes *fx, const char *indent)
{
	for (size_t i = 0; i < fx->n; i++) {
		const struct fix *f = &fx->v[i];

		printf("%sfix %lu: %s\n", indent, f->n, f->subject ? f->subject : "(no subject recorded)");
		if (f->ncves) {
			printf("%s  CVEs: ", indent);
			for (size_t c = 0; c < f->ncves; c++)
				printf("%s%s", c ? ", " : "", f->cves[c]);
			putchar('\n');
		}
		if (f->upstream)
			printf("%s  upstream: %s\n", indent, f->upstream);
		for (size_t t = 0; t < f->ntags; t++)
			printf("%s  Fixes: %s\n", indent, f->tags[t]);
		if (f->patch)
			printf("%s  patch: %s\n", indent, f->patch);
	}
}

void fixes_json(const struct fixes *fx)
{
	putchar('[');
	for (size_t i = 0; i < fx->n; i++) {
		const struct fix *f = &fx->v[i];

		printf("%s{\"n\":%lu,\"subject\":", i ? "," : "", f->n);
		json_str_or_null(f->subject);
		printf(",\"cves\":");
		json_str_array(f->cves, f->ncves);
		printf(",\"upstream\":");
		json_str_or_null(f->upstream);
		printf(",\"fixes_tags\":");
		json_str_array(f->tags, f->ntags);
		printf(",\"patch\":");
		json_str_or_null(f->patch);
		putchar('}');
	}
	putchar(']');
}

void cve_set_add(struct cve_set *set, const struct fixes *fx)
{
	for (size_t i = 0; i < fx->n; i++)
		for (size_t c = 0; c < fx->v[i].ncves; c++) {
			set->v = xrealloc(set->v, (set->n + 1) * sizeof(char *));
			set->v[set->n++] = fx->v[i].cves[c];
		}
}

/* CVE-2024-9999 before CVE-2024-10001: numbers compare as numbers. */
static int cmp_cve(const void *a, const void *b)
{
	return strverscmp(*(const char *const *)a, *(const char *const *)b);
}

void cve_set_finish(struct cve_set *set)
{
	size_t out = 0;

	if (set->n)
		qsort(set->v, set->n, sizeof(char *), cmp_cve);
	for (size_t i = 0; i < set->n; i++)
		if (!out || strcmp(set->v[i], set->v[out - 1]))
			set->v[out++] = set->v[i];
	set->n = out;
}
