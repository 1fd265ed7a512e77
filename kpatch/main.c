// SPDX-License-Identifier: GPL-2.0
/* kpatch: load, list and unload kernel live patches. main() is the verb table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpatch.h"

#define KPATCH_VERSION "0.1.0"

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("kpatch %s\n", KPATCH_VERSION);
	return EXIT_OK;
}

static int cmd_help(int argc, char **argv);

static const struct verb {
	const char *name, *args, *what;
	int (*run)(int argc, char **argv);
} verbs[] = {
	{ "load", "MODULE.ko|NAME|--all", "load a live patch (NAME: installed for the running kernel by kpatch install or a KMP) and wait for it to apply", cmd_load },
	{ "unload", "NAME|--all", "disable a live patch, wait for the transition, remove the module", cmd_unload },
	{ "install", "[-k KVER] MODULE.ko", "keep a live patch in /var/lib/kpatch/KVER/ to load at boot", cmd_install },
	{ "uninstall", "[-k KVER] NAME", "remove an installed live patch", cmd_uninstall },
	{ "list", "[--json]", "loaded patches (state, fixes, functions), installed patches", cmd_list },
	{ "info", "[--json] NAME|MODULE.ko", "a patch module's modinfo, its fixes and the functions it patches", cmd_info },
	{ "status", "[--json]", "effective kernel: release, live patches in stack order, CVEs fixed live", cmd_status },
	{ "signal", "", "signal the tasks that block a patch transition", cmd_signal },
	{ "version", "", "print the version", cmd_version },
	{ "help", "", "this text", cmd_help },
};

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("usage: kpatch [--wait S] [--signal-wait S] VERB [ARGS]\n\n");
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		printf("  %-10s %-26s %s\n", verbs[i].name, verbs[i].args, verbs[i].what);
	printf("\nload and unload wait --wait seconds (default 15) for the transition, then\n"
	       "signal the tasks that block it and wait --signal-wait seconds more (default 60);\n"
	       "a load that still cannot finish is reversed and its module removed.\n\n"
	       "Exit codes: 0 done; 1 error (I/O, not found, not loaded); 2 usage;\n"
	       "3 refused before loading (not a livepatch module, built for another kernel, not an x86_64 module);\n"
	       "4 the kernel refused (load or removal failed); 5 the transition stalled and was reversed.\n"
	       "status only: 6 a patch is in transition; 7 a patch is loaded but disabled\n"
	       "(failed; 7 also when another is in transition).\n");
	return EXIT_OK;
}

static bool parse_seconds(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0 || v > 86400)
		return false;
	*out = (int)v;
	return true;
}

int main(int argc, char **argv)
{
	int i = 1;

	/* Global options before the verb. */
	while (i + 1 < argc && (!strcmp(argv[i], "--wait") || !strcmp(argv[i], "--signal-wait"))) {
		if (!parse_seconds(argv[i + 1], !strcmp(argv[i], "--wait") ? &opt_wait : &opt_signal_wait)) {
			fprintf(stderr, "kpatch: %s wants seconds, got '%s'\n", argv[i], argv[i + 1]);
			return EXIT_USAGE;
		}
		i += 2;
	}
	if (i >= argc) {
		cmd_help(0, NULL);
		return EXIT_USAGE;
	}
	for (size_t v = 0; v < sizeof(verbs) / sizeof(verbs[0]); v++)
		if (!strcmp(argv[i], verbs[v].name))
			return verbs[v].run(argc - i, argv + i);
	if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
		return cmd_help(0, NULL);
	if (!strcmp(argv[i], "--version"))
		return cmd_version(0, NULL);
	fprintf(stderr, "kpatch: unknown verb '%s' (kpatch help lists them)\n", argv[i]);
	return EXIT_USAGE;
}
