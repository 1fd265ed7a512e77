/* kpatch's module reader (kpatch/modinfo.c: .modinfo and .livepatch.funcs)
 * on one fuzzed input, as `kpatch info` and `kpatch load` read a module. */
#include "harness.h"
#include "../kpatch/kpatch.h"
#include <limits.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char in[PATH_MAX];
	struct modinfo mi;
	const char *why;

	if (!*in)
		fuzz_path(in, sizeof(in), "in.ko");
	fuzz_write(in, data, size);
	if (!setjmp(fuzz_jump)) {
		fuzz_armed = 1;
		if (modinfo_read(in, &mi, &why) == EXIT_OK) {
			char *release = vermagic_release(mi.vermagic);

			free(release);
			modinfo_free(&mi);
		}
	}
	fuzz_armed = 0;
	return 0;
}
