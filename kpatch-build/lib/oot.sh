# kpatch-build: out-of-tree modules. The module's source is copied and built
# against the prepared tree; the patches go into the copy, so the user's tree
# is never touched. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

kbuild_oot() { # make of the private module copy against the prepared tree
	make -C "$objdir" M="$oot_dir" ARCH=x86_64 -j"$jobs" CC="$KPATCH_CC" KERNELRELEASE="$kver" \
		KCFLAGS="$FFS_FLAGS -I$AUTHOR_INCLUDE" "$@"
}

oot_build_original() {
	oot_dir=$tmp/oot
	cp -a "$oot_module_src" "$oot_dir"
	run kbuild_oot clean || true
	run kbuild_oot modules || die "$E_BUILD" "original build of the out-of-tree module $oot_module_src failed"
	oot_name=$(modinfo -F name "$oot_module" 2>/dev/null || true)
	[[ -n $oot_name ]] || die "$E_CHECK" "$oot_module is not a kernel module (no name in its modinfo)"
}
