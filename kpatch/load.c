// SPDX-License-Identifier: GPL-2.0
/*
 * load and unload: checks first (the module is a live patch for this very
 * kernel), then the kernel call, then the transition, undone if it stalls.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kpatch.h"

int opt_wait = 15, opt_signal_wait = 60;

/* What a kernel errno means for someone loading a live patch, and what to do. */
static const struct {
	int err;
	const char *what;
} load_errors[] = {
	{ EEXIST, "a module of that name is already loaded (kpatch list shows it; unload it first)" },
	{ EPERM, "loading modules is not permitted: kernel lockdown or module signature enforcement (sign the module with a key the kernel trusts), or kernel.modules_disabled is set" },
	{ EKEYREJECTED, "the module's signature was rejected by the kernel (sign it with a key the kernel trusts)" },
	{ ENOKEY, "the module is signed with a key the kernel does not know (enroll the key, e.g. with mokutil)" },
	{ ENOEXEC, "the kernel found the module malformed (rebuild it with kpatch-build for this kernel)" },
	{ EINVAL, "the livepatch core refused the patch: a function it patches was not found or its old code does not match (see dmesg)" },
	{ ENOENT, "a symbol the patch needs is missing from the running kernel (see dmesg)" },
	{ EBUSY, "the livepatch core is busy with another patch's transition (wait, or run 'kpatch signal')" },
	{ ENOMEM, "the kernel is out of memory" },
	{ ENOSPC, "the kernel has no room for the module (see dmesg)" },
};

static const char *explain(int err)
{
	for (size_t i = 0; i < sizeof(load_errors) / sizeof(load_errors[0]); i++)
		if (load_errors[i].err == err)
			return load_errors[i].what;
	return strerror(err);
}

/* A path to a .ko, or NAME installed for the running kernel (either spelling, - or _). */
static char *module_file(const char *arg)
{
	struct modindex idx;
	char *file = NULL;

	if (strchr(arg, '/') || (strlen(arg) > 3 && !strcmp(arg + strlen(arg) - 3, ".ko")))
		return xstrdup(arg);
	modindex_build(&idx, running_kver());
	if (modindex_find(&idx, arg))
		file = xstrdup(modindex_find(&idx, arg));
	else
		say_not_installed(arg, running_kver());
	modindex_free(&idx);
	return file;
}

/* Refuses, before the kernel sees it, a module that cannot be right here. */
int check_module(const char *file, const char *kver, struct modinfo *mi)
{
	const char *why;
	char *release;
	int rc = EXIT_OK;

	if (!is_file(file)) {
		fprintf(stderr, "kpatch: %s: no such module file\n", file);
		return EXIT_ERROR;
	}
	if ((rc = modinfo_read(file, mi, &why))) {
		fprintf(stderr, "kpatch: %s %s\n", file, why);
		return rc;
	}
	if (!mi->livepatch || strcmp(mi->livepatch, "Y")) {
		fprintf(stderr, "kpatch: %s is not a livepatch module (no livepatch=Y in its modinfo)\n", file);
		rc = EXIT_REFUSED;
	} else if (strcmp((release = vermagic_release(mi->vermagic)), kver)) {
		fprintf(stderr, "kpatch: %s was built for kernel %s, not %s (vermagic '%s'): rebuild it for %s\n",
			file, release, kver, mi->vermagic, kver);
		rc = EXIT_REFUSED;
		free(release);
	} else {
		free(release);
	}
	if (rc)
		modinfo_free(mi);
	return rc;
}

static int kernel_load(const char *file)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC), err = 0;

	if (fd < 0) {
		fprintf(stderr, "kpatch: %s: %s\n", file, strerror(errno));
		return EXIT_ERROR;
	}
	/* EBUSY: another transition is running; give it a few seconds. */
	for (int attempt = 0; attempt < 5; attempt++) {
		if (!syscall(SYS_finit_module, fd, "", 0)) {
			err = 0;
			break;
		}
		err = errno;
		if (err != EBUSY)
			break;
		sleep(1);
	}
	close(fd);
	if (err) {
		fprintf(stderr, "kpatch: loading %s failed: %s\n", file, explain(err));
		return EXIT_KERNEL;
	}
	return EXIT_OK;
}

/* A module name as modpost writes it into depends= (also a guard against a
 * hostile modinfo handing modprobe an option). */
static bool module_name_ok(const char *name, size_t len)
{
	if (!len || len > 55 || name[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '_' && name[i] != '-')
			return false;
	return true;
}

static int modprobe(const char *name)
{
	int status;
	pid_t pid;

	fflush(NULL);
	if ((pid = fork()) < 0)
		return -1;
	if (!pid) {
		execlp("modprobe", "modprobe", name, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The modules the patch module needs (an export another module has, such as
 * a static key its jump labels use) are loaded first, as modprobe would:
 * the kernel does not load them for finit_module. Every name is checked
 * before any is loaded. */
static int load_depends(const char *file, const char *depends)
{
	char *all, *rest, *name;
	int rc = EXIT_OK;

	if (!depends || !*depends)
		return EXIT_OK;
	for (const char *d = depends;; d++) {
		size_t len = strcspn(d, ",");

		if (!module_name_ok(d, len)) {
			fprintf(stderr, "kpatch: %s depends on '%.*s', which is not a module name\n", file, (int)len, d);
			return EXIT_REFUSED;
		}
		if (!d[len])
			break;
		d += len;
	}
	rest = all = sysfs_name(depends);
	while (!rc && (name = strsep(&rest, ","))) {
		if (is_dir(path("/sys/module/%s", name)))
			continue;
		printf("loading module %s, which %s depends on\n", name, file);
		if (modprobe(name)) {
			fprintf(stderr, "kpatch: %s depends on module %s, which modprobe could not load\n", file, name);
			rc = EXIT_KERNEL;
		}
	}
	free(all);
	return rc;
}

static int kernel_unload(const char *name)
{
	/* The module stays busy a moment after the patch is gone. */
	for (int attempt = 0; attempt < 50; attempt++) {
		if (!syscall(SYS_delete_module, name, O_NONBLOCK))
			return EXIT_OK;
		if (errno != EBUSY && errno != EAGAIN) {
			fprintf(stderr, "kpatch: removing module %s failed: %s\n", name, strerror(errno));
			return EXIT_KERNEL;
		}
		usleep(100000);
	}
	fprintf(stderr, "kpatch: module %s is still in use; it stays loaded (disabled)\n", name);
	return EXIT_KERNEL;
}

static int wait_gone(const char *name)
{
	for (int i = 0; i < 100 && is_dir(path("/sys/kernel/livepatch/%s", name)); i++)
		usleep(100000);
	return is_dir(path("/sys/kernel/livepatch/%s", name)) ? -1 : 0;
}

/* The transition stalled: name the blockers, reverse it, remove the module. */
static int roll_back(const char *name)
{
	print_blocking_tasks(name);
	fprintf(stderr, "kpatch: %s: reversing the transition\n", name);
	write_str(path("/sys/kernel/livepatch/%s/enabled", name), "0");
	if (wait_transition(name, opt_wait, opt_signal_wait) || wait_gone(name)) {
		fprintf(stderr, "kpatch: %s: the reverse transition did not finish either; the patch stays in transition (kpatch signal may help)\n", name);
		return EXIT_STALLED;
	}
	kernel_unload(name);
	fprintf(stderr, "kpatch: %s was not applied; the kernel runs as before\n", name);
	return EXIT_STALLED;
}

static int load_one(const char *arg)
{
	char *file = module_file(arg);
	struct modinfo mi;
	char *name;
	int rc;

	if (!file)
		return EXIT_ERROR;
	rc = check_module(file, running_kver(), &mi);
	if (rc) {
		free(file);
		return rc;
	}
	name = sysfs_name(mi.name);
	if (is_dir(path("/sys/kernel/livepatch/%s", name))) {
		fprintf(stderr, "kpatch: %s is already loaded\n", name);
		rc = EXIT_ERROR;
	} else if (!(rc = load_depends(file, mi.depends)) && !(rc = kernel_load(file))) {
		printf("loading patch module: %s\n", file);
		if (wait_transition(name, opt_wait, opt_signal_wait))
			rc = roll_back(name);
		else
			printf("%s: patch applied\n", name);
		if (!rc)
			record_loaded(name, file);
	}
	free(name);
	modinfo_free(&mi);
	free(file);
	return rc;
}

/* Every module installed for the running kernel, as the boot service does it. */
static int load_all(void)
{
	char *dir = xstrdup(path("/var/lib/kpatch/%s", running_kver()));
	char **files = list_dir(dir, ".ko");
	int rc = EXIT_OK;

	if (!files[0])
		printf("no patches installed for %s\n", running_kver());
	for (char **f = files; *f; f++) {
		char *file;
		int r = EXIT_ERROR;

		if (asprintf(&file, "%s/%s", dir, *f) > 0) {
			r = load_one(file);
			free(file);
		}
		if (r && !rc)
			rc = r;
	}
	free_list(files);
	free(dir);
	return rc;
}

int cmd_load(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--all"))
		return load_all();
	if (argc != 2) {
		fprintf(stderr, "usage: kpatch load MODULE.ko|NAME|--all\n");
		return EXIT_USAGE;
	}
	return load_one(argv[1]);
}

static int unload_one(const char *arg)
{
	char *name = sysfs_name(arg), **holders;
	size_t len = strlen(name);
	int rc = EXIT_OK;

	if (len > 3 && !strcmp(name + len - 3, ".ko")) {  /* a file name: use its module name */
		struct modinfo mi;
		const char *why;

		if (modinfo_read(arg, &mi, &why) == EXIT_OK) {
			free(name);
			name = sysfs_name(mi.name);
			modinfo_free(&mi);
		}
	}
	if (!is_dir(path("/sys/kernel/livepatch/%s", name))) {
		fprintf(stderr, "kpatch: %s is not loaded\n", name);
		free(name);
		return EXIT_ERROR;
	}
	/* An enabled patch holds its own module; other modules holding it depend on it. */
	holders = list_dir(path("/sys/module/%s/holders", name), "");
	if (holders[0]) {
		fprintf(stderr, "kpatch: %s is used by module %s%s; unload that first\n",
			name, holders[0], holders[1] ? " and others" : "");
		rc = EXIT_ERROR;
	} else {
		char *transition = read_line(path("/sys/kernel/livepatch/%s/transition", name));

		if (transition && !strcmp(transition, "1")) {
			fprintf(stderr, "kpatch: %s is in transition; wait for it to finish (or run 'kpatch signal') and try again\n", name);
			rc = EXIT_ERROR;
		}
		free(transition);
	}
	free_list(holders);
	if (!rc) {
		if (!write_str(path("/sys/kernel/livepatch/%s/enabled", name), "0")) {
			fprintf(stderr, "kpatch: %s: cannot disable the patch\n", name);
			rc = EXIT_KERNEL;
		} else if (wait_transition(name, opt_wait, opt_signal_wait)) {
			print_blocking_tasks(name);
			fprintf(stderr, "kpatch: %s: the unpatching transition did not finish; it goes on in the background\n", name);
			rc = EXIT_STALLED;
		} else if (wait_gone(name)) {
			fprintf(stderr, "kpatch: %s: patch disabled but its sysfs directory remains\n", name);
			rc = EXIT_KERNEL;
		} else if (!(rc = kernel_unload(name))) {
			printf("%s: patch removed\n", name);
			forget_loaded(name);
		}
	}
	free(name);
	return rc;
}

int cmd_unload(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--all")) {
		enum stack_source source;
		char **names = stacked_patches(&source);
		size_t count = 0;
		int rc = EXIT_OK;

		while (names[count])
			count++;
		while (count--) {  /* top of the stack first */
			int r = unload_one(names[count]);

			if (r && !rc)
				rc = r;
		}
		free_list(names);
		return rc;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: kpatch unload NAME|--all\n");
		return EXIT_USAGE;
	}
	return unload_one(argv[1]);
}

int cmd_signal(int argc, char **argv)
{
	char **names;
	int signalled = 0;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: kpatch signal\n");
		return EXIT_USAGE;
	}
	names = list_dir(path("/sys/kernel/livepatch"), "");
	for (char **p = names; *p; p++) {
		char *t = read_line(path("/sys/kernel/livepatch/%s/transition", *p));

		if (t && !strcmp(t, "1")) {
			write_str(path("/sys/kernel/livepatch/%s/signal", *p), "1");
			printf("%s: signalled the tasks blocking its transition\n", *p);
			signalled++;
		}
		free(t);
	}
	free_list(names);
	if (!signalled)
		printf("no patch is in transition\n");
	return EXIT_OK;
}
