// SPDX-License-Identifier: GPL-2.0
/*
 * Following a patch through the livepatch core's sysfs
 * (/sys/kernel/livepatch/NAME/{enabled,transition,signal}): waiting for a
 * transition, nudging the tasks that hold it up, and naming them.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kpatch.h"

char *sysfs_name(const char *name)
{
	char *s = xstrdup(name);

	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	return s;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static bool in_transition(const char *name)
{
	char *t = read_line(path("/sys/kernel/livepatch/%s/transition", name));
	bool busy = t && !strcmp(t, "1");

	free(t);
	return busy;
}

/*
 * Waits up to signal_after_s for the transition to end, then signals the
 * tasks that block it (fake signals to user tasks, wake-ups to kthreads) and
 * waits up to timeout_s more. Returns 0 when done, -1 when still blocked.
 */
int wait_transition(const char *name, int signal_after_s, int timeout_s)
{
	for (long waited = 0; in_transition(name); waited += 100) {
		if (waited == (long)signal_after_s * 1000) {
			fprintf(stderr, "kpatch: %s: transition still running after %d s; signalling the tasks that block it\n",
				name, signal_after_s);
			write_str(path("/sys/kernel/livepatch/%s/signal", name), "1");
		}
		if (waited >= (long)(signal_after_s + timeout_s) * 1000)
			return -1;
		sleep_ms(100);
	}
	return 0;
}

static void print_task(const char *pid, const char *tid)
{
	char *comm = read_line(path("/proc/%s/task/%s/comm", pid, tid));
	FILE *stack = fopen(path("/proc/%s/task/%s/stack", pid, tid), "r");
	char line[256];

	fprintf(stderr, "  task %s (%s)%s\n", tid, comm ? comm : "?", stack ? ":" : " (no stack available)");
	while (stack && fgets(line, sizeof(line), stack))
		fprintf(stderr, "    %s", line);
	if (stack)
		fclose(stack);
	free(comm);
}

/* Tasks whose patch_state is not yet the target (enabled: 1, disabling: 0). */
void print_blocking_tasks(const char *name)
{
	char *enabled = read_line(path("/sys/kernel/livepatch/%s/enabled", name));
	const char *target = enabled && !strcmp(enabled, "0") ? "0" : "1";
	DIR *procs = opendir(path("/proc"));
	struct dirent *p;
	int count = 0;

	fprintf(stderr, "kpatch: %s: tasks still running code the transition must change:\n", name);
	while (procs && (p = readdir(procs))) {
		DIR *tasks;
		struct dirent *t;

		if (p->d_name[0] < '0' || p->d_name[0] > '9')
			continue;
		tasks = opendir(path("/proc/%s/task", p->d_name));
		while (tasks && (t = readdir(tasks))) {
			char *state;

			if (t->d_name[0] == '.')
				continue;
			state = read_line(path("/proc/%s/task/%s/patch_state", p->d_name, t->d_name));
			if (state && strcmp(state, "-1") && strcmp(state, target)) {
				print_task(p->d_name, t->d_name);
				count++;
			}
			free(state);
		}
		if (tasks)
			closedir(tasks);
	}
	if (procs)
		closedir(procs);
	if (!count)
		fprintf(stderr, "  (none found: the blocking task may have just exited)\n");
	free(enabled);
}
