/* create-klp-module on one fuzzed input (a module with .livepatch.relocs;
 * seeds are create-diff-object outputs). A crash, a sanitizer report, a
 * hang or an output much larger than the input is a finding. */
#include "harness.h"
#include "../create-diff-object/tmpout.h"
#include <limits.h>
#include <unistd.h>

int tool_main(int argc, char **argv);
void klp_free_all(void);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char in[PATH_MAX], out[PATH_MAX];
	char *argv[] = { "create-klp-module", in, out, NULL };

	if (!*in) {
		fuzz_path(in, sizeof(in), "in.ko");
		fuzz_path(out, sizeof(out), "out.ko");
		fuzz_quiet();
	}
	fuzz_write(in, data, size);
	if (!setjmp(fuzz_jump)) {
		fuzz_armed = 1;
		tool_main(3, argv);
	}
	fuzz_armed = 0;
	klp_free_all();
	tmpout_discard();
	/* new sections, symbols and strings: a few times the input at most */
	fuzz_check_size(out, 16 * size + (1 << 20));
	unlink(out);
	return 0;
}
