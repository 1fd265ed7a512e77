// SPDX-License-Identifier: GPL-2.0
/*
 * status: the effective kernel. The running release, the loaded patches in
 * stack order with what each fixes, the set of CVEs fixed live, in words and
 * as JSON for scanners; the exit code says whether a patch is in transition
 * or failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpatch.h"

struct patch {
	const char *name, *state;
	struct modinfo mi;
	struct fixes fx;
	char *file, *why;    /* file: where the fixes were read; why: why they are unknown */
};

static bool is_live(const struct patch *p)
{
	return !strcmp(p->state, "enabled");
}

static bool is_failed(const struct patch *p)
{
	return !strcmp(p->state, "disabled");  /* disabled and not in transition, yet loaded */
}

static bool in_transition(const struct patch *p)
{
	return !is_live(p) && !is_failed(p);
}

/* One line per fix: subject [CVEs]. */
static void print_fixes_short(const struct patch *p)
{
	if (!p->file) {
		printf("       fixes unknown (%s)\n", p->why ? p->why : "out of memory");
		return;
	}
	if (!p->fx.n)
		printf("       no fixes recorded in %s\n", p->file);
	for (size_t i = 0; i < p->fx.n; i++) {
		const struct fix *f = &p->fx.v[i];

		printf("       %s", f->subject ? f->subject : "(no subject recorded)");
		for (size_t c = 0; c < f->ncves; c++)
			printf("%s%s", c ? ", " : " [", f->cves[c]);
		printf("%s\n", f->ncves ? "]" : "");
	}
}

/* "Label: a (state), b (state)" for the patches SELECTed; nothing when none is. */
static void print_names(const char *label, const struct patch *v, size_t n, bool (*select)(const struct patch *))
{
	bool first = true;

	for (size_t i = 0; i < n; i++) {
		if (!select(&v[i]))
			continue;
		printf("%s%s (%s)", first ? label : ", ", v[i].name, v[i].state);
		first = false;
	}
	if (!first)
		putchar('\n');
}

static bool fixes_unknown(const struct patch *p)
{
	return !p->file;
}

static void print_words(const struct patch *v, size_t n, const struct cve_set *cves, bool supported, enum stack_source source,
			int live)
{
	printf("Kernel: %s\n", running_kver());
	if (!supported)
		printf("Live patches: none (this kernel has no livepatch support: %s does not exist)\n",
		       path("/sys/kernel/livepatch"));
	else if (!n)
		printf("Live patches: none loaded\n");
	else
		printf("Live patches in stack order (%s), bottom first:\n", stack_source_words[source]);
	for (size_t i = 0; i < n; i++) {
		printf("  %zu. %s [%s]\n", i + 1, v[i].name, v[i].state);
		print_fixes_short(&v[i]);
	}
	printf("CVEs fixed live:");
	for (size_t i = 0; i < cves->n; i++)
		printf("%s%s", i ? ", " : " ", cves->v[i]);
	printf("%s\n", cves->n ? "" : " none");
	print_names("In transition: ", v, n, in_transition);
	print_names("Failed (loaded but disabled): ", v, n, is_failed);
	for (size_t i = 0; i < n; i++)
		if (fixes_unknown(&v[i]) && is_live(&v[i]))
			printf("Not counted: the CVEs of %s (its fixes are unknown)\n", v[i].name);
	printf("Effective kernel: %s with %d live patch%s\n", running_kver(), live, live == 1 ? "" : "es");
}

static void json_names(const char *key, const struct patch *v, size_t n, bool (*select)(const struct patch *))
{
	bool first = true;

	printf(",\"%s\":[", key);
	for (size_t i = 0; i < n; i++) {
		if (!select(&v[i]))
			continue;
		printf("%s", first ? "" : ",");
		json_str(v[i].name);
		first = false;
	}
	putchar(']');
}

static void print_json(const struct patch *v, size_t n, const struct cve_set *cves, bool supported, enum stack_source source,
		       int live, int rc)
{
	bool complete = true;

	printf("{\"kernel\":");
	json_str(running_kver());
	printf(",\"livepatch_supported\":%s,\"stack_order\":\"%s\",\"patches\":[", supported ? "true" : "false",
	       (const char *[]){ "kernel", "load", "name" }[source]);
	for (size_t i = 0; i < n; i++) {
		printf("%s{\"position\":%zu,\"name\":", i ? "," : "", i + 1);
		json_str(v[i].name);
		printf(",\"state\":\"%s\",\"live\":%s,\"module_file\":", v[i].state, is_live(&v[i]) ? "true" : "false");
		json_str_or_null(v[i].file);
		printf(",\"fixes\":");
		if (v[i].file)
			fixes_json(&v[i].fx);
		else
			printf("null");
		putchar('}');
		complete &= !(fixes_unknown(&v[i]) && is_live(&v[i]));
	}
	printf("],\"live_patches\":%d,\"cves_live\":", live);
	json_str_array(cves->v, cves->n);
	printf(",\"cves_complete\":%s", complete ? "true" : "false");
	json_names("in_transition", v, n, in_transition);
	json_names("failed", v, n, is_failed);
	printf(",\"exit_code\":%d}\n", rc);
}

int cmd_status(int argc, char **argv)
{
	bool json = argc == 2 && !strcmp(argv[1], "--json");
	enum stack_source source;
	bool supported = livepatch_supported();
	struct cve_set cves = { NULL, 0 };
	struct modindex idx;
	struct patch *v;
	char **names;
	size_t n = 0;
	int live = 0, rc = EXIT_OK;

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: kpatch status [--json]\n");
		return EXIT_USAGE;
	}
	names = stacked_patches(&source);
	while (names[n])
		n++;
	v = xcalloc(n, sizeof(*v));
	modindex_build(&idx, running_kver());
	for (size_t i = 0; i < n; i++) {
		v[i].name = names[i];
		v[i].state = patch_state(names[i]);
		if (loaded_modinfo(names[i], &idx, &v[i].mi, &v[i].file, &v[i].why))
			fixes_from(&v[i].mi, &v[i].fx);
		if (is_live(&v[i])) {
			live++;
			cve_set_add(&cves, &v[i].fx);
		}
		if (is_failed(&v[i]))
			rc = EXIT_FAILED;
		else if (in_transition(&v[i]) && rc != EXIT_FAILED)
			rc = EXIT_TRANSITION;
	}
	cve_set_finish(&cves);
	if (json)
		print_json(v, n, &cves, supported, source, live, rc);
	else
		print_words(v, n, &cves, supported, source, live);
	for (size_t i = 0; i < n; i++) {
		fixes_free(&v[i].fx);
		if (v[i].file)
			modinfo_free(&v[i].mi);
		free(v[i].file);
		free(v[i].why);
	}
	free(cves.v);
	free(v);
	modindex_free(&idx);
	free_list(names);
	return rc;
}
