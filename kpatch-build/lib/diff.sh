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
		# -k: every object that does not compile is reported in one run,
		# not only the first one make meets
		local mark rc=0
		mark=$(wc -l <"$LOG")
		make_options=(-k)
		build_targeted "patched build" patched || rc=$?
		make_options=()
		[[ $rc -eq 0 ]] ||
			die "$E_BUILD" "patched build failed: $(failed_objects "$mark") did not compile (see the compiler errors in the log)"
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

# The objects make gave up on in the log after line MARK, the first few
# named.
failed_objects() { # MARK
	local objs
	mapfile -t objs < <(tail -n +"$(($1 + 1))" "$LOG" | sed -n 's/^make\[[0-9]*\]: \*\*\* \[[^]]*: \([^]]*\.o\)\] Error [0-9]*$/\1/p' | sort -u)
	case ${#objs[@]} in
	0) echo "an object" ;;
	1 | 2 | 3) echo "${objs[*]}" ;;
	*) echo "${objs[*]:0:3} and $((${#objs[@]} - 3)) more" ;;
	esac
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
	*) echo "$(parent_name "$p") $p" ;;
	esac
}

# The MODNAME of a parent: vmlinux, or a module's path in the tree.
parent_name() { # PARENT
	case $1 in
	vmlinux) echo vmlinux ;;
	*) basename "$1" | tr '-' '_' ;;
	esac
}

# One create-diff-object run: OBJ's ORIG and PATCHED builds. Returns its exit
# code; its messages are in $tmp/cdo.err (and the log).
run_cdo() { # OBJ ORIG PATCHED PARENT REL
	local symtab rc=0 f
	if [[ $4 == vmlinux ]]; then symtab=$vmlinux; else symtab=$(module_symtab "$4" "$5"); fi
	local args=("${cdo_args[@]}")
	for f in "${via_callers[@]}"; do args+=(--via-callers "$f"); done
	echo "+ create-diff-object $1 ($4)" >>"$LOG"
	env "${sizes[@]}" "$CDO" "${args[@]}" "$2" "$3" "$4" "$symtab" \
		"$symvers" "${name//-/_}" "$tmp/diff/$(tr / _ <<<"$1")" >>"$LOG" 2>"$tmp/cdo.err" || rc=$?
	cat "$tmp/cdo.err" >>"$LOG"
	# the functions that refer to a --via-callers one, for check_via_callers
	sed -n "s/^create-diff-object: [^:]*: callers of \([^:]*\):/$4 \1/p" "$tmp/cdo.err" | sed 's/ none$//' >>"$tmp/callers-seen"
	return "$rc"
}

# Every changed object, and the objects diffed only for their callers of a
# --via-callers function. Returns 1 when a run refused a global function
# without an ftrace entry that can be reached through its callers (added
# to via_callers: the pass is run again).
diff_pass() {
	local obj parent rel rc line kind f outputs=0
	rm -rf "$tmp/diff" && mkdir -p "$tmp/diff"
	: >"$tmp/callers-seen"
	while read -r kind obj; do
		read -r parent rel <<<"$(parent_of "$obj")"
		grep -qx "$parent ${rel:--}" "$tmp/parents" 2>/dev/null || echo "$parent ${rel:--}" >>"$tmp/parents"
		rc=0
		if [[ $kind == changed ]]; then
			[[ -f $tmp/cc/orig/$obj ]] || die "$E_DIFF" "$obj is new (not in the original build); new objects cannot be live patched"
			run_cdo "$obj" "$tmp/cc/orig/$obj" "$tmp/patched/$obj" "$parent" "$rel" || rc=$?
		else
			run_cdo "$obj" "$tmp/callers/$obj" "$tmp/callers/$obj" "$parent" "$rel" || rc=$?
		fi
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
		2)
			f=$(refused_notrace_global "$tmp/cdo.err" "$tmp/${kind/changed/patched}/$obj" || true)
			if [[ -z $f || " ${via_callers[*]} " == *" $f "* ]]; then
				cat "$tmp/cdo.err" >&2
				die "$E_DIFF" "create-diff-object refused $obj (exit $rc)"
			fi
			add_via_callers "$f" "$obj" "$parent"
			return 1
			;;
		*) cat "$tmp/cdo.err" >&2; die "$E_DIFF" "create-diff-object refused $obj (exit $rc)" ;;
		esac
	done < <(sed 's/^/changed /' "$tmp/cc/changed"; sed 's/^/callers /' "$tmp/caller-objects")
	[[ $outputs -gt 0 ]] || die "$E_DIFF" "no changes found in any object (a change of __LINE__ only, or of code that is not compiled in?)"
}

diff_objects() {
	local round sizes=() cdo_args=()
	mapfile -t sizes < <(struct_sizes)
	[[ $debug -gt 0 ]] && cdo_args+=(-d)
	cdo_args+=("${allow_layouts[@]}")
	: >"$tmp/caller-objects"
	# each round adds one function reached through its callers
	for round in 1 2 3 4 5 6 7 8; do
		diff_pass && break
		[[ $round -lt 8 ]] || die "$E_DIFF" "more than 7 functions without an ftrace entry to reach through their callers: ${via_callers[*]}"
		progress "  diffing again, with the callers of ${via_callers[*]}"
	done
	check_via_callers
}
