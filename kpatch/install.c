// SPDX-License-Identifier: GPL-2.0
/*
 * install and uninstall: live patches kept in /var/lib/kpatch/KVER/ (root
 * only), loaded at boot by kpatch.service with `kpatch load --all`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpatch.h"

int check_module(const char *file, const char *kver, struct modinfo *mi);

/* -k KVER, else the running kernel; the rest of argv is left in *rest. */
static int parse_kver(int argc, char **argv, const char **kver, char ***rest, int *nrest)
{
	int opt;

	*kver = running_kver();
	optind = 1;
	while ((opt = getopt(argc, argv, "k:")) != -1) {
		if (opt != 'k')
			return EXIT_USAGE;
		*kver = optarg;
	}
	*rest = argv + optind;
	*nrest = argc - optind;
	return EXIT_OK;
}

static bool mkdir_private(const char *dir)
{
	char *p = xstrdup(dir);

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0755) && errno != EEXIST) {
			free(p);
			return false;
		}
		*s = '/';
	}
	free(p);
	return (!mkdir(dir, 0700) || errno == EEXIST) && !chmod(dir, 0700);
}

static bool copy_file(const char *from, const char *to)
{
	char *tmp;
	char buf[65536];
	ssize_t n;
	int in = open(from, O_RDONLY), out;
	bool ok = in >= 0;

	if (!ok || asprintf(&tmp, "%s.tmp.%d", to, (int)getpid()) < 0)
		return false;
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ok = out >= 0;
	while (ok && (n = read(in, buf, sizeof(buf))) > 0)
		ok = write(out, buf, (size_t)n) == n;
	close(in);
	if (out >= 0)
		ok = !close(out) && ok;
	ok = ok && !rename(tmp, to);
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

/* The boot service loads installed patches; enable it where systemd runs. */
static void enable_service(void)
{
	if (getenv("KPATCH_ROOT") || access("/run/systemd/system", F_OK))
		return;
	if (system("systemctl enable kpatch.service >/dev/null 2>&1") != 0)
		fprintf(stderr, "kpatch: note: could not enable kpatch.service; installed patches will not load at boot\n");
}

int cmd_install(int argc, char **argv)
{
	const char *kver, *base;
	char **rest, *dest;
	int nrest, rc;
	struct modinfo mi;

	if (parse_kver(argc, argv, &kver, &rest, &nrest) || nrest != 1) {
		fprintf(stderr, "usage: kpatch install [-k KVER] MODULE.ko\n");
		return EXIT_USAGE;
	}
	rc = check_module(rest[0], kver, &mi);
	if (rc)
		return rc;
	base = strrchr(rest[0], '/') ? strrchr(rest[0], '/') + 1 : rest[0];
	if (!mkdir_private(path("/var/lib/kpatch/%s", kver))) {
		fprintf(stderr, "kpatch: cannot create %s: %s\n", path("/var/lib/kpatch/%s", kver), strerror(errno));
		modinfo_free(&mi);
		return EXIT_ERROR;
	}
	dest = xstrdup(path("/var/lib/kpatch/%s/%s", kver, base));
	if (!copy_file(rest[0], dest)) {
		fprintf(stderr, "kpatch: cannot install %s as %s: %s\n", rest[0], dest, strerror(errno));
		rc = EXIT_ERROR;
	} else {
		printf("installed %s for %s: %s\n", mi.name, kver, dest);
		enable_service();
	}
	free(dest);
	modinfo_free(&mi);
	return rc;
}

int cmd_uninstall(int argc, char **argv)
{
	const char *kver;
	char **rest, *file;
	int nrest;

	if (parse_kver(argc, argv, &kver, &rest, &nrest) || nrest != 1) {
		fprintf(stderr, "usage: kpatch uninstall [-k KVER] NAME\n");
		return EXIT_USAGE;
	}
	file = xstrdup(path("/var/lib/kpatch/%s/%s%s", kver, rest[0],
			    strstr(rest[0], ".ko") ? "" : ".ko"));
	if (unlink(file)) {
		fprintf(stderr, "kpatch: %s is not installed for %s (%s: %s)\n", rest[0], kver, file, strerror(errno));
		free(file);
		return EXIT_ERROR;
	}
	printf("uninstalled %s for %s\n", rest[0], kver);
	free(file);
	return EXIT_OK;
}
