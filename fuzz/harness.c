/* Shared by the fuzz targets: the exit() replacement, a private working
 * directory, the base inputs fuzz/prepare made. */
#include "harness.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

jmp_buf fuzz_jump;
int fuzz_armed;

_Noreturn void fuzz_exit(int code);
_Noreturn void fuzz_exit(int code)
{
	if (fuzz_armed) {
		fuzz_armed = 0;
		longjmp(fuzz_jump, code + 1);
	}
	_Exit(code);
}

static char dir[] = "/tmp/klptools-fuzz-XXXXXX";

/* At exit (libFuzzer ends with exit()): the directory and what the
 * targets write there. */
static void remove_dir(void)
{
	static const char *const names[] = { "in.o", "out.o", "in.ko", "out.ko" };
	char p[sizeof(dir) + 16];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

const char *fuzz_dir(void)
{
	static int made;

	if (!made) {
		if (!mkdtemp(dir)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		made = 1;
		atexit(remove_dir);
	}
	return dir;
}

void fuzz_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", fuzz_dir(), name);
}

void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
		perror(path);
		abort();
	}
}

void fuzz_base(char *buf, size_t len, const char *name)
{
	const char *base = getenv("FUZZ_BASE");

	if (!base) {
		fprintf(stderr, "fuzz: FUZZ_BASE is not set (run fuzz/run, which makes the base inputs)\n");
		abort();
	}
	snprintf(buf, len, "%s/%s", base, name);
}

void fuzz_check_size(const char *path, size_t limit)
{
	struct stat st;

	if (!stat(path, &st) && (size_t)st.st_size > limit) {
		fprintf(stderr, "fuzz: oversized output %s: %lld bytes, more than %zu\n", path,
			(long long)st.st_size, limit);
		abort();
	}
}

void fuzz_quiet(void)
{
	static FILE *null;

	if (!null)
		null = fopen("/dev/null", "w");
	if (null)
		stderr = null;
}
