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

const char *patch_state(const char *name)
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

/* One installed module, in words or as a JSON object. */
static void installed_one(const char *kver, const char *file, bool json, bool *first)
{
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	bool running = !strcmp(kver, running_kver());

	if (json) {
		printf("%s{\"kernel\":", *first ? "" : ",");
		json_str(kver);
		printf(",\"module\":");
		json_str(base);
		printf(",\"file\":");
		json_str(file);
		printf(",\"running_kernel\":%s}", running ? "true" : "false");
	} else {
		printf("  %s (%s)%s\n", base, kver, running ? " [running kernel]" : "");
	}
	*first = false;
}

/* Installed modules of every kernel: /var/lib/kpatch/KVER/, /lib/modules/KVER/livepatch/. */
static void installed(bool json)
{
	static const char *const roots[] = { "/var/lib/kpatch", "/lib/modules" };
	bool first = true;

	for (size_t r = 0; r < sizeof(roots) / sizeof(roots[0]); r++) {
		char **kvers = list_dir(path("%s", roots[r]), "");

		for (char **k = kvers; *k; k++) {
			char *dir = xstrdup(module_dir(r, *k));
			char **mods = list_dir(dir, ".ko");

			for (char **m = mods; *m; m++) {
				char *file;

				if (asprintf(&file, "%s/%s", dir, *m) < 0)
					continue;
				installed_one(*k, file, json, &first);
				free(file);
			}
			free_list(mods);
			free(dir);
		}
		free_list(kvers);
	}
	if (first && !json)
		printf("  (none)\n");
}

/* What a loaded patch fixes, from its module file's modinfo. */
static void loaded_fixes(const char *name, const struct modindex *idx, bool json)
{
	struct modinfo mi;
	struct fixes fx;
	char *file, *why;

	if (!loaded_modinfo(name, idx, &mi, &file, &why)) {
		if (json)
			printf(",\"module_file\":null,\"fixes\":null");
		else
			printf("    fixes: unknown (%s)\n", why ? why : "out of memory");
		free(why);
		return;
	}
	fixes_from(&mi, &fx);
	if (json) {
		printf(",\"module_file\":");
		json_str(file);
		printf(",\"fixes\":");
		fixes_json(&fx);
	} else if (!fx.n) {
		printf("    fixes: none recorded in %s\n", file);
	} else {
		fixes_print(&fx, "    ");
	}
	fixes_free(&fx);
	modinfo_free(&mi);
	free(file);
}

int cmd_list(int argc, char **argv)
{
	bool json = argc == 2 && !strcmp(argv[1], "--json");
	enum stack_source source;
	bool supported = livepatch_supported();
	struct modindex idx;
	char **patches;
	int live = 0;

	if (argc > 2 || (argc == 2 && !json)) {
		fprintf(stderr, "usage: kpatch list [--json]\n");
		return EXIT_USAGE;
	}
	patches = stacked_patches(&source);
	modindex_build(&idx, running_kver());
	if (json) {
		printf("{\"kernel\":");
		json_str(running_kver());
		printf(",\"livepatch_supported\":%s,\"loaded\":[", supported ? "true" : "false");
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
			putchar(']');
			loaded_fixes(*p, &idx, true);
			putchar('}');
		} else {
			printf("  %s [%s]\n", *p, state);
			loaded_fixes(*p, &idx, false);
			loaded_funcs(*p, false);
		}
	}
	if (!supported && !json)
		printf("  (this kernel has no livepatch support: %s does not exist)\n", path("/sys/kernel/livepatch"));
	else if (!patches[0] && !json)
		printf("  (none)\n");
	if (json) {
		printf("],\"installed\":[");
		installed(true);
		printf("],\"live_patches\":%d}\n", live);
	} else {
		printf("\nInstalled patch modules:\n");
		installed(false);
		printf("\nEffective kernel: %s with %d live patch%s\n", running_kver(), live, live == 1 ? "" : "es");
	}
	modindex_free(&idx);
	free_list(patches);
	return EXIT_OK;
}

/* NAME: installed for the running kernel, else the file a loaded patch came from. */
static char *info_file(const char *arg)
{
	struct modindex idx;
	struct modinfo mi;
	char *file = NULL, *name, *why = NULL;

	if (strchr(arg, '/') || strstr(arg, ".ko"))
		return xstrdup(arg);
	modindex_build(&idx, running_kver());
	if (modindex_find(&idx, arg)) {
		file = xstrdup(modindex_find(&idx, arg));
	} else {
		name = sysfs_name(arg);
		if (is_dir(path("/sys/kernel/livepatch/%s", name)) && loaded_modinfo(name, &idx, &mi, &file, &why))
			modinfo_free(&mi);
		free(why);
		free(name);
	}
	modindex_free(&idx);
	if (!file)
		say_not_installed(arg, running_kver());
	return file;
}

int cmd_info(int argc, char **argv)
{
	bool json = argc == 3 && !strcmp(argv[1], "--json");
	const char *arg = json ? argv[2] : argv[1];
	char *file, *name;
	struct modinfo mi;
	struct fixes fx;
	const char *why;
	bool loaded;

	if (argc != 2 && !json) {
		fprintf(stderr, "usage: kpatch info [--json] NAME|MODULE.ko\n");
		return EXIT_USAGE;
	}
	if (!(file = info_file(arg)))
		return EXIT_ERROR;
	int rc = modinfo_read(file, &mi, &why);

	if (rc) {
		fprintf(stderr, "kpatch: %s %s\n", file, why);
		free(file);
		return rc;
	}
	name = sysfs_name(mi.name);
	loaded = is_dir(path("/sys/kernel/livepatch/%s", name));
	fixes_from(&mi, &fx);
	if (json) {
		static const char *keys[] = { "name", "vermagic", "livepatch", "version", "description", "license" };
		const char *vals[] = { mi.name, mi.vermagic, mi.livepatch, mi.version, mi.description, mi.license };

		printf("{\"file\":");
		json_str(file);
		for (size_t i = 0; i < 6; i++) {
			printf(",\"%s\":", keys[i]);
			json_str_or_null(vals[i]);
		}
		printf(",\"loaded\":%s,\"state\":\"%s\",\"functions\":[", loaded ? "true" : "false",
		       loaded ? patch_state(name) : "not loaded");
		for (size_t i = 0; i < mi.nfuncs; i++) {
			printf("%s", i ? "," : "");
			json_str(mi.funcs[i]);
		}
		printf("],\"fixes\":");
		fixes_json(&fx);
		printf("}\n");
	} else {
		printf("file:        %s\nname:        %s\nvermagic:    %s\nlivepatch:   %s\n", file, mi.name,
		       mi.vermagic, mi.livepatch ? mi.livepatch : "(no: not a live patch)");
		if (mi.version)
			printf("version:     %s\n", mi.version);
		if (mi.description)
			printf("description: %s\n", mi.description);
		printf("state:       %s\n", loaded ? patch_state(name) : "not loaded");
		if (fx.n) {
			printf("fixes %zu issue%s:\n", fx.n, fx.n == 1 ? "" : "s");
			fixes_print(&fx, "  ");
		} else {
			printf("fixes:       none recorded (built without patch metadata)\n");
		}
		printf("patches %zu function%s (object:function,position):\n", mi.nfuncs, mi.nfuncs == 1 ? "" : "s");
		for (size_t i = 0; i < mi.nfuncs; i++)
			printf("    %s\n", mi.funcs[i]);
	}
	fixes_free(&fx);
	free(name);
	free(file);
	modinfo_free(&mi);
	return EXIT_OK;
}
