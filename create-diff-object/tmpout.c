/* See tmpout.h. The signal handler only calls unlink(2) and raise(3), both
 * async-signal-safe, on a name fixed before the handler is installed. */
#include "tmpout.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp_name[4096];
static const char *final_name;
static int tmp_fd = -1;
static volatile sig_atomic_t armed;

static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ };

static void remove_tmp(void)
{
	if (armed) {
		armed = 0;
		unlink(tmp_name);
	}
}

static void on_signal(int sig)
{
	remove_tmp();
	/* SA_RESETHAND restored the default action: die of the same signal */
	raise(sig);
}

/* The sanitizers end a process with _exit: atexit handlers do not run. */
extern void __sanitizer_set_death_callback(void (*)(void)) __attribute__((weak));

static void install_handlers(void)
{
	static int done;
	struct sigaction sa;

	if (done)
		return;
	done = 1;
	atexit(remove_tmp);
#ifndef TMPOUT_NO_DEATH_CALLBACK	/* the fuzz build: libFuzzer's own callback */
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(remove_tmp);
#endif
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction old;

		/* a signal ignored by whoever started us stays ignored */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
}

int tmpout_open(const char *final)
{
	if ((size_t)snprintf(tmp_name, sizeof(tmp_name), "%s.XXXXXX", final) >= sizeof(tmp_name)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	install_handlers();
	tmp_fd = mkstemp(tmp_name);
	if (tmp_fd < 0)
		return -1;
	final_name = final;
	armed = 1;
	if (fchmod(tmp_fd, 0644))
		return -1;
	return tmp_fd;
}

const char *tmpout_path(void)
{
	return tmp_name;
}

int tmpout_commit(void)
{
	int fd = tmp_fd;

	tmp_fd = -1;
	if (fsync(fd) || close(fd) || rename(tmp_name, final_name))
		return -1;
	armed = 0;
	return 0;
}

void tmpout_discard(void)
{
	if (tmp_fd >= 0)
		close(tmp_fd);
	tmp_fd = -1;
	remove_tmp();
}
