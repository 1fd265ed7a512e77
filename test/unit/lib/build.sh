# shellcheck shell=bash
# Compiling unit case sources into kernel-like objects, and the fake parent.

# The flags kernel 6.1 uses for x86_64 objects that kpatch-build diffs.
KCFLAGS=(-O2 -ffunction-sections -fdata-sections -mfentry -pg -mrecord-mcount
	-fno-pic -mcmodel=kernel -mno-red-zone -fno-asynchronous-unwind-tables
	-nostdinc -fno-stack-protector -fno-common -fno-strict-aliasing
	-Wall -Wno-unused-function)

# compile_obj SRC DIR NAME [CFLAGS...]: DIR/NAME.o from SRC, compiled as NAME.c
# in DIR so the FILE symbol and __FILE__ do not depend on orig/patched.
compile_obj() {
	local src=$1 dir=$2 name=$3
	shift 3
	mkdir -p "$dir"
	cp "$src" "$dir/$name.c"
	local -a flags=()
	local f
	for f in "${KCFLAGS[@]}"; do
		# clang has no -mrecord-mcount (the kernel's objtool writes __mcount_loc)
		[[ ${UNIT_CC:-gcc} == clang* && $f == -mrecord-mcount ]] || flags+=("$f")
	done
	(cd "$dir" && "${UNIT_CC:-gcc}" "${flags[@]}" -I "$UNIT/include" "$@" -c "$name.c" -o "$name.o")
}

# make_symvers FILE [SYM[:OWNER[:TYPE[:NAMESPACE]]]...]: a Module.symvers
# (6.1 layout: crc, symbol, owner, export type, namespace) exporting the base
# kernel helpers and the given symbols.
make_symvers() {
	local out=$1 entry sym owner type ns
	shift
	: >"$out"
	for entry in __fentry__ _printk __might_sleep "$@"; do
		IFS=: read -r sym owner type ns <<<"$entry"
		# a made-up but stable CRC: the checksum of the name
		printf '0x%08x\t%s\t%s\t%s\t%s\n' "$(cksum <<<"$sym" | cut -d' ' -f1)" "$sym" \
			"${owner:-vmlinux}" "${type:-EXPORT_SYMBOL}" "$ns" >>"$out"
	done
}
