# kpatch-build: the patched build and create-diff-object on each changed
# object. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

# Rebuilds what the patches reach, through the wrapper that records each
# recompiled object and keeps its original.
build_patched() {
	mkdir -p "$tmp/cc"
	export KPATCH_CC_DIR=$tmp/cc
	local f
	if [[ -n $oot_module ]]; then
		run kbuild_oot modules || die "$E_BUILD" "patched build of the out-of-tree module failed"
	elif [[ $full_build -eq 1 ]]; then
		run_counted "patched build" "" kbuild "${targets[@]}" || die "$E_BUILD" "patched build failed"
	else
		build_targeted "patched build" patched || die "$E_BUILD" "patched build failed (see the compiler errors in the log)"
	fi
	unset KPATCH_CC_DIR
	[[ -s $tmp/cc/changed ]] || die "$E_DIFF" "the patches changed no object"
	sort -u "$tmp/cc/changed" -o "$tmp/cc/changed"
	progress "  $(wc -l <"$tmp/cc/changed") objects recompiled"
	while read -r f; do
		mkdir -p "$tmp/patched/$(dirname "$f")"
		if [[ $f == /* ]]; then cp "$f" "$tmp/patched/$f"; else cp "$objdir/$f" "$tmp/patched/$f"; fi
	done <"$tmp/cc/changed"
}

# Entry sizes of the special sections, read from the kernel's BTF where it
# has one (a second; its DWARF takes minutes for a distribution vmlinux),
# else its DWARF, once per tree.
struct_sizes() {
	local cache=$objdir/.struct-sizes
	if [[ ! -f $cache ]]; then
		local out format=()
		readelf -S --wide "$vmlinux" 2>/dev/null | grep -q ' \.BTF ' && format=(-F btf)
		out=$(pahole "${format[@]}" -C bug_entry,jump_entry,alt_instr,exception_table_entry,paravirt_patch_site,orc_entry,static_call_site,pi_entry "$vmlinux" 2>>"$LOG" || true)
		awk -v out="$cache.tmp" '
			/^struct [a-z_]+ \{/ { s = $2 }
			/\/\* size: / && s { sub(/,.*/, "", $3); size[s] = $3; s = "" }
			END {
				split("bug_entry:BUG jump_entry:JUMP alt_instr:ALT exception_table_entry:EX paravirt_patch_site:PARA orc_entry:ORC static_call_site:STATIC_CALL pi_entry:PRINTK_INDEX", m, " ")
				for (i in m) { split(m[i], kv, ":"); if (kv[1] in size) print kv[2] "_STRUCT_SIZE=" size[kv[1]] > out }
			}' <<<"$out"
		touch "$cache.tmp"
		mv "$cache.tmp" "$cache"
	fi
	cat "$cache"
}

# OBJ -> "vmlinux" or "MODNAME REL": from the targeted selection, else (a
# full build) from kbuild's lists of the object's directory.
parent_of() {
	local obj=$1 p=''
	if [[ -n $oot_module ]]; then
		echo "$oot_name -"
		return
	fi
	# A full build (--full-build, or the fallback) selected no objects.
	[[ ! -f $tmp/objects ]] || p=$(awk -v o="$obj" '$1 == o { print $2; exit }' "$tmp/objects")
	[[ -n $p ]] || p=$(object_parent "$obj" | cut -d' ' -f2)
	case ${p:-vmlinux} in
	vmlinux) echo vmlinux ;;
	*) echo "$(basename "$p" | tr '-' '_') $p" ;;
	esac
}

diff_objects() {
	local obj parent rel symtab rc line outputs=0 sizes=() cdo_args=()
	mapfile -t sizes < <(struct_sizes)
	mkdir -p "$tmp/diff"
	[[ $debug -gt 0 ]] && cdo_args+=(-d)
	cdo_args+=("${allow_layouts[@]}")
	while read -r obj; do
		read -r parent rel <<<"$(parent_of "$obj")"
		if [[ $parent == vmlinux ]]; then
			symtab=$vmlinux
		else
			symtab=$(module_symtab "$parent" "$rel")
		fi
		[[ -f $tmp/cc/orig/$obj ]] || die "$E_DIFF" "$obj is new (not in the original build); new objects cannot be live patched"
		rc=0
		echo "+ create-diff-object $obj ($parent)" >>"$LOG"
		env "${sizes[@]}" "$CDO" "${cdo_args[@]}" "$tmp/cc/orig/$obj" "$tmp/patched/$obj" "$parent" "$symtab" \
			"$symvers" "${name//-/_}" "$tmp/diff/$(tr / _ <<<"$obj")" >>"$LOG" 2>"$tmp/cdo.err" || rc=$?
		cat "$tmp/cdo.err" >>"$LOG"
		case $rc in
		0)
			outputs=$((outputs + 1))
			progress "  $obj: changed ($parent)"
			# what the engineer waived, and what the differ did beyond the
			# changed functions (copied constants), stays in sight
			while read -r line; do progress "    ${line#create-diff-object: }"; done \
				< <(grep -v -E '^create-diff-object: (ERROR|DEBUG)' "$tmp/cdo.err" || true)
			;;
		3) progress "  $obj: no change" ;;
		*) cat "$tmp/cdo.err" >&2; die "$E_DIFF" "create-diff-object refused $obj (exit $rc)" ;;
		esac
	done <"$tmp/cc/changed"
	[[ $outputs -gt 0 ]] || die "$E_DIFF" "no changes found in any object (a change of __LINE__ only, or of code that is not compiled in?)"
}
