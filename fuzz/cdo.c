/* create-diff-object on one fuzzed input: as ORIG.o against the base
 * PATCHED.o (FUZZ_SIDE 0, target cdo-orig) or as PATCHED.o against the base
 * ORIG.o (FUZZ_SIDE 1, target cdo-patched), with the base pair's SYMTAB and
 * SYMVERS. A crash, a sanitizer report, a hang or an output much larger
 * than the inputs is a finding. */
#include "harness.h"
#include "../create-diff-object/cdo.h"
#include "../create-diff-object/tmpout.h"
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int tool_main(int argc, char **argv);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char in[PATH_MAX], out[PATH_MAX], orig[PATH_MAX], patched[PATH_MAX], symtab[PATH_MAX],
		symvers[PATH_MAX];
	struct stat st;
	char *argv[9];

	if (!*in) {
		fuzz_path(in, sizeof(in), "in.o");
		fuzz_path(out, sizeof(out), "out.o");
		fuzz_base(orig, sizeof(orig), "orig.o");
		fuzz_base(patched, sizeof(patched), "patched.o");
		fuzz_base(symtab, sizeof(symtab), "symtab.txt");
		fuzz_base(symvers, sizeof(symvers), "Module.symvers");
		fuzz_quiet();
	}
	fuzz_write(in, data, size);
	argv[0] = "create-diff-object";
	argv[1] = FUZZ_SIDE == 0 ? in : orig;
	argv[2] = FUZZ_SIDE == 0 ? patched : in;
	argv[3] = "vmlinux";
	argv[4] = symtab;
	argv[5] = symvers;
	argv[6] = "livepatch_fuzz";
	argv[7] = out;
	argv[8] = NULL;
	if (!setjmp(fuzz_jump)) {
		fuzz_armed = 1;
		tool_main(8, argv);
	}
	fuzz_armed = 0;
	cdo_free_all();
	tmpout_discard();
	/* the output holds parts of both inputs plus metadata: far less than
	 * 8 times their size and 1 MiB of alignment and tables */
	if (!stat(FUZZ_SIDE == 0 ? patched : orig, &st))
		fuzz_check_size(out, 8 * (size + (size_t)st.st_size) + (1 << 20));
	unlink(out);
	return 0;
}
