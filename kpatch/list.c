// SPDX-License-Identifier: GPL-2.0
/*
 * list and info: what is loaded (state and patched functions per object, from
 * the livepatch sysfs), what is installed per kernel, and what a module
 * holds. --json prints the same for scripts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpatch.h"

int check_module(const char *file, const char *kver, struct modinfo *mi);

/* JSON string: quotes and control characters escaped. */
static void json_str(const char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

static const char *patch_state(const char *name)
{
	char *en = read_line(path("/sys/kernel/livepatch/%s/enabled", name));
	char *tr = read_line(path("/sys/kernel/livepatch/%s/transition", name));
	const char *state = tr && !strcmp(tr, "1") ? (en && !strcmp(en, "1") ? "patching" : "unpatching")
			  : en && !strcmp(en, "1") ? "enabled" : "disabled";

	free(en);
	free(tr);
	return state;
}

/* Patched functions of a loaded patch: /sys/kernel/livepatch/P/OBJ/FUNC,POS. */
static void loaded_funcs(const char *name, bool json)
{
	char **objs = list_dir(path("/sys/kernel/livepatch/%s", name), "");
	bool first = true;

	for (char **o = objs; *o; o++) {
		char **funcs;

		if (!is_dir(path("/sys/kernel/livepatch/%s/%s", name, *o)))
			continue;
		funcs = list_dir(path("/sys/kernel/livepatch/%s/%s", name, *o), "");
		for (char **f = funcs; *f; f++) {
			if (!is_dir(path("/sys/kernel/livepatch/%s/%s/%s", name, *o, *f)))
				continue;
			if (json) {
				printf("%s{\"object\":", first ? "" : ",");
				json_str(*o);
				printf(",\"function\":");
				json_str(*f);
				putchar('}');
			} else {
				printf("    %s: %s\n", *o, *f);
			}
			first = false;
		}
		free_list(funcs);
	}
	free_list(objs);
}

static void installed(bool json)
{
	char **kvers = list_dir(path("/var/lib/kpatch"), "");
	bool first = true;

	for (char **k = kvers; *k; k++) {
		char **mods = list_dir(path("/var/lib/kpatch/%s", *k), ".ko");

		for (char **m = mods; *m; m++) {
			if (json) {
				printf("%s{\"kernel\":", first ? "" : ",");
				json_str(*k);
				printf(",\"module\":");
				json_str(*m);
				printf(",\"running_kernel\":%s}", strcmp(*k, running_kver()) ? "false" : "true");
			} else {
				printf("  %s (%s)%s\n", *m, *k, strcmp(*k, running_kver()) ? "" : " [running kernel]");
			}
			first = false;
		}
		free_list(mods);
	}
	if (first && !json)
		printf("  (none)\n");
	free_list(kvers);
}

int cmd_list(int argc, char **argv)
{
	bool json = argc == 2 && !strcmp(argv[1], "--json");
	char **patches;
	int live = 0;

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: kpatch list [--json]\n");
		return EXIT_USAGE;
	}
	patches = list_dir(path("/sys/kernel/livepatch"), "");
	if (json) {
		printf("{\"kernel\":");
		json_str(running_kver());
		printf(",\"loaded\":[");
	} else {
		printf("Loaded patch modules:\n");
	}
	for (char **p = patches; *p; p++) {
		const char *state = patch_state(*p);

		live += !strcmp(state, "enabled");
		if (json) {
			printf("%s{\"name\":", p == patches ? "" : ",");
			json_str(*p);
			printf(",\"state\":\"%s\",\"functions\":[", state);
			loaded_funcs(*p, true);
			printf("]}");
		} else {
			printf("  %s [%s]\n", *p, state);
			loaded_funcs(*p, false);
		}
	}
	if (!patches[0] && !json)
		printf("  (none)\n");
	if (json) {
		printf("],\"installed\":[");
		installed(true);
		printf("],\"live_patches\":%d}\n", live);
	} else {
		printf("\nInstalled patch modules:\n");
		installed(false);
		/* What the kernel effectively runs, as the fixes that are live. */
		printf("\nEffective kernel: %s with %d live patch%s\n", running_kver(), live, live == 1 ? "" : "es");
	}
	free_list(patches);
	return EXIT_OK;
}

int cmd_info(int argc, char **argv)
{
	bool json = argc == 3 && !strcmp(argv[1], "--json");
	const char *arg = json ? argv[2] : argv[1];
	char *file, *name;
	struct modinfo mi;
	const char *why;
	bool loaded;

	if (argc != 2 && !json) {
		fprintf(stderr, "usage: kpatch info [--json] NAME|MODULE.ko\n");
		return EXIT_USAGE;
	}
	if (strchr(arg, '/') || strstr(arg, ".ko"))
		file = xstrdup(arg);
	else
		file = xstrdup(path("/var/lib/kpatch/%s/%s.ko", running_kver(), arg));
	int rc = modinfo_read(file, &mi, &why);

	if (rc) {
		fprintf(stderr, "kpatch: %s %s\n", file, why);
		free(file);
		return rc;
	}
	name = sysfs_name(mi.name);
	loaded = is_dir(path("/sys/kernel/livepatch/%s", name));
	if (json) {
		static const char *keys[] = { "name", "vermagic", "livepatch", "version", "description", "license" };
		const char *vals[] = { mi.name, mi.vermagic, mi.livepatch, mi.version, mi.description, mi.license };

		printf("{\"file\":");
		json_str(file);
		for (size_t i = 0; i < 6; i++) {
			printf(",\"%s\":", keys[i]);
			if (vals[i])
				json_str(vals[i]);
			else
				printf("null");
		}
		printf(",\"loaded\":%s,\"state\":\"%s\",\"functions\":[", loaded ? "true" : "false",
		       loaded ? patch_state(name) : "not loaded");
		for (size_t i = 0; i < mi.nfuncs; i++) {
			printf("%s", i ? "," : "");
			json_str(mi.funcs[i]);
		}
		printf("]}\n");
	} else {
		printf("file:        %s\nname:        %s\nvermagic:    %s\nlivepatch:   %s\n", file, mi.name,
		       mi.vermagic, mi.livepatch ? mi.livepatch : "(no: not a live patch)");
		if (mi.version)
			printf("version:     %s\n", mi.version);
		if (mi.description)
			printf("description: %s\n", mi.description);
		printf("state:       %s\n", loaded ? patch_state(name) : "not loaded");
		printf("patches %zu function%s (object:function,position):\n", mi.nfuncs, mi.nfuncs == 1 ? "" : "s");
		for (size_t i = 0; i < mi.nfuncs; i++)
			printf("    %s\n", mi.funcs[i]);
	}
	free(name);
	free(file);
	modinfo_free(&mi);
	return EXIT_OK;
}
