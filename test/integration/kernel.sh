#!/usr/bin/env bash
# The test kernel: a small livepatch-capable x86_64 build that boots in QEMU.
#   kernel.sh ensure   extract and build it once (cached under $KLP_CACHE/kernel)
#   kernel.sh env      print KSRC= KBUILD= KVER= KCONFIG= VMLINUX= BZIMAGE= for eval
#   kernel.sh original also kpatch-build's whole original build of it (cached)
# Exit 2 when the series' source cannot be had, 1 on any other failure.
# KERNEL_SERIES=6.1 (default) builds Debian's linux-source-6.1 from
# /usr/src; KERNEL_SERIES=6.12 builds linux-source-6.12 (taken from the
# distro suite's fetch when /usr/src has none) with kernel-6.12.config on
# top: IBT, call padding, call-depth tracking, return thunks.
# The cache key is source version + config fragment + compiler version, so a
# change of any of them builds a new tree beside the old one.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KLP_CACHE=${KLP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klptools}
series=${KERNEL_SERIES:-6.1}
fragments=("$here/kernel.config")
[[ ! -f $here/kernel-$series.config ]] || fragments+=("$here/kernel-$series.config")
jobs=${JOBS:-$(nproc)}

log() { printf '[kernel %3ds] %s\n' "$SECONDS" "$*" >&2; }
die() { printf 'kernel.sh: %s\n' "$*" >&2; exit 1; }

# The Debian source tarball, extracted once per version into the cache
# that kpatch-build uses too (one extracted tree per source version).
# shellcheck source=../../kpatch-build/lib/source.sh
source "$here/../../kpatch-build/lib/source.sh"
# shellcheck source=../../kpatch-build/lib/journal.sh
source "$here/../../kpatch-build/lib/journal.sh"
# The tarball of the series: KERNEL_TARBALL, /usr/src, else (not 6.1, which
# the README's set-up installs) Debian's package fetched into the cache. The
# fetched path is remembered: asking the archive takes a minute.
find_tarball() {
	local t=${KERNEL_TARBALL:-/usr/src/linux-source-$series.tar.xz} env ROOT memo=$KLP_CACHE/kernel/tarball-$series
	if [[ ! -r $t && -z ${KERNEL_TARBALL:-} && $series != 6.1 ]]; then
		if [[ -f $memo && -r $(<"$memo") ]]; then
			t=$(<"$memo")
		elif env=$(DISTRO_SERIES=$series "$here/../distro/fetch" 2>/dev/null); then
			eval "$env" # ROOT= KVER= DEBVER= BZIMAGE=, as test/distro/run reads them
			t=$ROOT/usr/src/linux-source-$series.tar.xz
			mkdir -p "$KLP_CACHE/kernel" && echo "$t" >"$memo"
		fi
	fi
	echo "$t"
}

source_tree() {
	local tarball
	tarball=$(find_tarball)
	# exit 2: nothing to build from (the suites skip, saying so)
	[[ -r $tarball ]] || { printf 'kernel.sh: %s\n' "$tarball not found (apt-get install linux-source-$series)" >&2; exit 2; }
	klp_extract_tarball "$tarball" || die "cannot extract $tarball"
}

cache_key() {
	local src=$1 version
	version=$(make -s -C "$src" kernelversion 2>/dev/null)
	printf '%s-%s' "$version" \
		"$( { echo "$src"; cat "${fragments[@]}"; gcc --version | head -1; } | sha256sum | cut -c1-12)"
}

# Every CONFIG_X=v line of the fragment must survive olddefconfig.
check_config() {
	local config=$1 line name bad=0
	while read -r line; do
		[[ $line =~ ^(CONFIG_[A-Z0-9_]+)=(.*)$ ]] || continue
		name=${BASH_REMATCH[1]}
		grep -qxF "$line" "$config" || { echo "  $name: wanted '$line', got '$(grep "^$name=" "$config" || echo unset)'" >&2; bad=1; }
	done < <(cat "${fragments[@]}")
	[[ $bad -eq 0 ]] || die "config fragment lines did not survive olddefconfig"
}

build_tree() {
	local src=$1 out=$2
	mkdir -p "$out"
	log "configuring $out"
	make -s -C "$src" O="$out" ARCH=x86_64 tinyconfig >/dev/null
	"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "${fragments[@]}" >/dev/null
	make -s -C "$src" O="$out" ARCH=x86_64 olddefconfig >/dev/null
	check_config "$out/.config"
	log "building bzImage and modules (-j$jobs, log: $out/build.log)"
	if ! nice make -C "$src" O="$out" ARCH=x86_64 -j"$jobs" bzImage modules >"$out/build.log" 2>&1; then
		tail -20 "$out/build.log" >&2
		die "kernel build failed (log: $out/build.log)"
	fi
	touch "$out/.built"
	log "built $(make -s -C "$src" O="$out" kernelrelease)"
}

ensure() {
	local src key out lock
	src=$(source_tree)
	key=$(cache_key "$src")
	out=$KLP_CACHE/kernel/build-$key
	# kpatch-build patches the shared source in place under this lock; a
	# build killed meanwhile left a journal, undone before the tests read
	# the source (their patches must apply to the pristine tree).
	exec 8<"$src"
	flock -x 8
	klp_journal_recover "$src" | while read -r line; do log "$line"; done
	flock -u 8
	[[ -f $out/.built ]] && return 0
	mkdir -p "$KLP_CACHE/kernel"
	lock=$KLP_CACHE/kernel/.lock
	exec 9>"$lock"
	flock 9
	exec 8<"$src"
	flock -x 8
	[[ -f $out/.built ]] || build_tree "$src" "$out"
	flock -u 8
	flock -u 9
}

print_env() {
	local src key out
	src=$(source_tree)
	key=$(cache_key "$src")
	out=$KLP_CACHE/kernel/build-$key
	[[ -f $out/.built ]] || die "test kernel not built yet (run: $0 ensure)"
	printf 'KSRC=%q\nKBUILD=%q\nKVER=%q\nKCONFIG=%q\nVMLINUX=%q\nBZIMAGE=%q\n' \
		"$src" "$out" "$(cat "$out/include/config/kernel.release")" "$out/.config" \
		"$out/vmlinux" "$out/arch/x86/boot/bzImage"
}

# The whole test kernel once more with kpatch-build's flags, in kpatch-build's
# cached tree, as --full-build makes it (the integration suite's full-build
# case); run-all builds it ahead, in the background. Prints the tree.
original() {
	ensure
	eval "$(print_env)"
	"$here/../../kpatch-build/kpatch-build" --build-original -s "$KSRC" -c "$KCONFIG" -v "$VMLINUX" -j"$jobs" | tail -n1
}

main() {
	case ${1:-} in
	ensure) ensure ;;
	env) print_env ;;
	original) original ;;
	*) die "usage: kernel.sh ensure|env|original" ;;
	esac
}

main "$@"
