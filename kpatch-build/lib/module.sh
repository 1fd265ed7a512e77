# kpatch-build: the patch module, linked by the kernel's own Kbuild against
# the prepared tree (so vermagic and modversions are the target's), converted
# to the livepatch ELF format, checked, signed, written. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

# What objtool writes. It writes none of them into an object that already
# has one ("file already has .return_sites, skipping").
objtool_sections=(.return_sites .retpoline_sites .call_sites .ibt_endbr_seal .cfi_sites
	__mcount_loc .orc_unwind .orc_unwind_ip)

# With IBT or clang LTO, Kbuild runs objtool on a module's linked object, not
# on each object in it, so on the patch module's too. The diffed objects
# carry such sections (__mcount_loc always; the others when they come from a
# one-object module, which objtool had processed): objtool would then write
# none for the template's functions (its return thunks left unpatched:
# "Unpatched return thunk in use"). They go, and objtool writes them for the
# whole module, as it did for the objects they come from. So do the
# __pfx_ symbols objtool made for such an object's functions: objtool makes
# them again, without looking for one, and two of a global function's do
# not link ("multiple definition of __pfx_dm_bufio_client_create").
strip_objtool_sections() { # OBJECT
	local s args=()
	grep -qE '^CONFIG_(X86_KERNEL_IBT|LTO_CLANG)=y' "$objdir/.config" || return 0
	for s in "${objtool_sections[@]}"; do args+=(--remove-section="$s" --remove-section=".rela$s"); done
	run objcopy "${args[@]}" --wildcard --strip-symbol='__pfx_*' "$1" ||
		die "$E_MODULE" "objcopy could not drop objtool's sections and __pfx_ symbols from $1"
}

# Built in the tree's own module directory (make_module, submake.sh); the
# result goes on in $tmp/module.
build_module() {
	local mdir=$objdir/klp-module modname=$name
	rm -rf "$mdir" "$tmp/module"
	mkdir -p "$mdir" "$tmp/module"
	cp "$KMOD_DIR/livepatch-core.c" "$KMOD_DIR/livepatch.lds" "$mdir/"
	# What each patch fixes (subject, CVEs, upstream commit) as modinfo keys.
	run "$PATCH_META" "${meta_args[@]}" --header "$mdir/klp-meta.h" "${patches[@]}" ||
		die "$E_MODULE" "patch-meta could not read the patches' headers"
	run ld -m elf_x86_64 -r -o "$mdir/patch-objects.o" "$tmp"/diff/*.o || die "$E_MODULE" "linking the diffed objects failed"
	strip_objtool_sections "$mdir/patch-objects.o"
	# Kbuild takes the prebuilt object as is; the .cmd keeps it from asking how to make it.
	echo "savedcmd_patch-objects.o := true" >"$mdir/.patch-objects.o.cmd"
	cat >"$mdir/Kbuild" <<EOF
obj-m := $modname.o
$modname-objs := livepatch-core.o patch-objects.o
ccflags-y := -DLIVEPATCH_REPLACE=$replace -DKLP_META_HEADER='"klp-meta.h"'
ldflags-y := -T \$(src)/livepatch.lds
EOF
	run make_module "$mdir" || die "$E_MODULE" "Kbuild could not build the patch module"
	[[ -f $mdir/$modname.ko ]] || die "$E_MODULE" "Kbuild wrote no $modname.ko"
	cp "$mdir/$modname.ko" "$tmp/module/"
	mdir=$tmp/module
	# Debug sections are most of a patch module's size and no use to the
	# kernel; they go before the livepatch conversion, on a plain module.
	if [[ $keep_debug -eq 0 ]]; then
		run objcopy --strip-debug "$mdir/$modname.ko" || die "$E_MODULE" "objcopy --strip-debug failed"
	fi
	run "$KLPMOD" "$mdir/$modname.ko" "$mdir/$modname.klp.ko" || die "$E_MODULE" "create-klp-module failed"
}

# Every return through the return thunk must be listed in .return_sites,
# which the module loader patches: an unlisted one runs the thunk the kernel
# did not choose (a mitigation off there, and on 6.12 a WARNING). Prints
# "SITES LISTED"; the replacements of alternatives are not listed.
return_sites_of() { # KO
	readelf -S -r --wide "$1" | awk '
		/^Section Headers:/ { hdr = 1; next }
		/^Relocation section/ { hdr = 0; sec = $3; gsub(/\047/, "", sec); sub(/^\.rela/, "", sec); next }
		hdr && /^ *\[ *[0-9]+\]/ { line = $0; sub(/^ *\[ *[0-9]+\] /, "", line); split(line, f, " ")
			if (f[7] ~ /X/) code[f[1]] = 1; next }
		sec == ".return_sites" && /R_X86_64/ { listed++; next }
		code[sec] && sec != ".altinstr_replacement" && / __x86_return_thunk/ { sites++ }
		END { print sites + 0, listed + 0 }'
}

# Every undefined symbol must be exported by the kernel or a module; the
# module must say it is a livepatch and carry the target's release.
check_module() {
	local ko=$tmp/module/$name.klp.ko missing vermagic sites listed objtool
	missing=$(readelf -s --wide "$ko" | awk '$7 == "UND" && $8 != "" { print $8 }' | sort -u |
		while read -r s; do
			[[ $symvers != /dev/null ]] && awk -v s="$s" '$2 == s { f = 1 } END { exit !f }' "$symvers" && continue
			echo "$s"
		done)
	[[ -z $missing ]] || die "$E_MODULE" "undefined symbols that are neither exported nor livepatch symbols: $(tr '\n' ' ' <<<"$missing")"
	[[ $(modinfo -F livepatch "$ko" 2>/dev/null) == Y ]] || die "$E_MODULE" "$ko has no livepatch=Y modinfo"
	vermagic=$(modinfo -F vermagic "$ko" 2>/dev/null)
	[[ ${vermagic%% *} == "$kver" ]] || die "$E_MODULE" "$ko has vermagic '$vermagic', the target is $kver"
	read -r sites listed < <(return_sites_of "$ko")
	if [[ $sites -ne $listed ]]; then
		objtool=$(grep -m1 'objtool: ' "$LOG" | sed 's/^.*objtool: //' || true)
		die "$E_MODULE" "$ko returns through __x86_return_thunk at $sites places, of which .return_sites lists $listed: the kernel would leave the others unpatched${objtool:+ (objtool on the module: $objtool)}"
	fi
}

# Signed as the kernel signs its modules: sign-file from the prepared tree,
# with the config's hash.
sign_module() {
	[[ -n $sign_key ]] || return 0
	local hash sf=$objdir/scripts/sign-file
	hash=$(sed -n 's/^CONFIG_MODULE_SIG_HASH="\(.*\)"/\1/p' "$objdir/.config")
	[[ -x $sf ]] || die "$E_MODULE" "$sf was not built (CONFIG_MODULE_SIG is not set in $config?)"
	run "$sf" "${hash:-sha256}" "$sign_key" "$sign_cert" "$tmp/module/$name.klp.ko" ||
		die "$E_MODULE" "sign-file failed with $sign_key and $sign_cert"
	progress "signed with $sign_cert (${hash:-sha256})"
}

install_module() {
	local dest=$outdir/$name.ko
	mkdir -p "$outdir" || die "$E_MODULE" "cannot create $outdir"
	cp "$tmp/module/$name.klp.ko" "$dest.tmp.$$"
	mv "$dest.tmp.$$" "$dest"
	progress "wrote $dest ($(stat -c %s "$dest") bytes, vermagic $(modinfo -F vermagic "$dest"))"
}
