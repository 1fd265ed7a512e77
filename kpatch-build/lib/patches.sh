# kpatch-build: the patches. Each must apply exactly (no offset, no fuzz,
# unless --allow-fuzz), they must apply on top of each other, and the tree
# is restored byte for byte with its timestamps afterwards. patch(1) never
# leaves .orig or .rej files behind. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

patch_opts() {
	if [[ $allow_fuzz -eq 1 ]]; then
		echo "-p1 --no-backup-if-mismatch -r -"
	else
		echo "-p1 --no-backup-if-mismatch -r - -F0"
	fi
}

# Files a patch touches (paths after the a/ b/ prefix).
lsdiff_files() {
	sed -n 's|^+++ [^/]*/\([^[:space:]]*\).*|\1|p' "$1" | grep -v '^dev/null$' || true
}

# patch(1) says where a hunk applied with an offset or fuzz; that is refused.
check_exact() { # PATCH OUTPUT
	local inexact
	inexact=$(awk '/^(patching|checking) file/ { f = $3; next }
		/^Hunk #[0-9]+ succeeded at .*(offset|fuzz)/ { print f ": " $0 }' "$2" | head -3 | tr '\n' ';')
	[[ -z $inexact || $allow_fuzz -eq 1 ]] ||
		die "$E_PATCH" "$1 does not apply exactly: ${inexact%;} (with an offset or fuzz; a misplaced hunk makes a wrong live patch; check the source version, or accept with --allow-fuzz)"
}

# Every patch must apply before anything is built, alone and on top of the
# ones before it. Both are tried on copies of the files they touch (a link
# farm's files are links, which patch(1) refuses to patch).
check_patches() {
	local p target=${oot_module_src:-$srcdir} opts
	read -r -a opts <<<"$(patch_opts)"
	for p in "${patches[@]}"; do lsdiff_files "$p"; done | sort -u >"$tmp/touched"
	copy_touched "$target" "$tmp/probe-alone"
	for p in "${patches[@]}"; do
		patch "${opts[@]}" --dry-run -d "$tmp/probe-alone" -i "$p" >"$tmp/patch.out" 2>&1 || {
			cat "$tmp/patch.out" >>"$LOG"
			die "$E_PATCH" "$p does not apply to $target: $(grep -m2 -E 'FAILED|can.t find|No file|refusing' "$tmp/patch.out" | tr '\n' ' ')"
		}
		cat "$tmp/patch.out" >>"$LOG"
		check_exact "$p" "$tmp/patch.out"
	done
	copy_touched "$target" "$tmp/probe"
	for p in "${patches[@]}"; do
		patch "${opts[@]}" -d "$tmp/probe" -i "$p" >"$tmp/patch.out" 2>&1 || {
			cat "$tmp/patch.out" >>"$LOG"
			die "$E_PATCH" "$p does not apply after the patches before it"
		}
		# An offset here comes from the patches before it (each was checked
		# exact against the source above); fuzz is still refused (-F0).
	done
	rm -rf "$tmp/probe" "$tmp/probe-alone"
}

copy_touched() { # FROM TO: the touched files that exist, as regular files
	local f
	mkdir -p "$2"
	while read -r f; do
		[[ -f $1/$f ]] || continue
		mkdir -p "$2/$(dirname "$f")"
		cp -L "$1/$f" "$2/$f"
	done <"$tmp/touched"
}

# Patched files are backed up with their timestamps (in the source's journal,
# which outlives a killed build) and restored byte for byte afterwards, so the
# tree and the cached objects stay as they were. In a link farm a touched file
# becomes a copy first; restoring puts the link back.
apply_patches() {
	local f opts
	read -r -a opts <<<"$(patch_opts)"
	if [[ -n $oot_module ]]; then
		for f in "${patches[@]}"; do
			run patch "${opts[@]}" -d "$oot_dir" -i "$f" || die "$E_PATCH" "$f failed to apply to the module source"
		done
		keep_line_numbers "$oot_module_src" "$oot_dir"
		return 0
	fi
	patched_tree=1
	journal=$(klp_journal "$srcdir")
	klp_journal_open "$srcdir" "$objdir" "$tmp/touched" 2>>"$LOG" || die "$E_BUILD" "cannot back up the files to patch in $journal"
	# kpatch-cc keeps the original objects in the journal too. (A
	# restore before this, narrow.sh's, left a directory there.)
	rm -rf "$tmp/cc"
	ln -s "$journal/cc" "$tmp/cc"
	while read -r f; do
		[[ -L $srcdir/$f ]] || continue
		cp -p --remove-destination "$(readlink -f "$srcdir/$f")" "$srcdir/$f"
	done <"$tmp/touched"
	for f in "${patches[@]}"; do
		run patch "${opts[@]}" -d "$srcdir" -i "$f" || die "$E_PATCH" "$f failed to apply"
	done
	keep_line_numbers "$journal/backup" "$srcdir"
}

# Each patched .c and .h file gets `#line N` directives after its changed
# regions (fix-lines), so the lines the patches did not change keep their
# original numbers: __LINE__ in unchanged code (WARN/BUG tables, might_sleep,
# lockdep, dynamic debug) is the same as in the original build, and a
# function that only moved is not a change. Only the patched copy is
# rewritten; restore_tree puts the original back.
keep_line_numbers() { # ORIG-ROOT PATCHED-ROOT
	[[ $fix_lines -eq 1 ]] || return 0
	local f rc
	while read -r f; do
		case $f in *.c | *.h) ;; *) continue ;; esac
		# A new file has no original lines; a deleted one nothing to fix;
		# a link (never left by patch(1)) is not written through.
		[[ -f $1/$f && -f $2/$f && ! -L $2/$f ]] || continue
		rc=0
		echo "+ $FIX_LINES $1/$f $2/$f" >>"$LOG"
		"$FIX_LINES" "$1/$f" "$2/$f" >"$tmp/fixed-lines" 2>"$tmp/fix-lines.err" || rc=$?
		cat "$tmp/fix-lines.err" >>"$LOG"
		case $rc in
		0)
			cmp -s "$tmp/fixed-lines" "$2/$f" || cat "$tmp/fixed-lines" >"$2/$f"
			echo "  $f: $(grep -c '^#line ' "$tmp/fixed-lines" || true) #line directives" >>"$LOG" ;;
		2) progress "  note: $f has #line directives of its own: its unchanged lines keep the patched numbers" ;;
		*) die "$E_PATCH" "fix-lines failed on $f: $(head -c 300 "$tmp/fix-lines.err")" ;;
		esac
	done <"$tmp/touched"
	rm -f "$tmp/fixed-lines" "$tmp/fix-lines.err"
}

restore_tree() {
	[[ ${patched_tree:-0} -eq 1 ]] || return 0
	local what
	# The original objects go back too, with their timestamps, so the next
	# run is warm; the saved ones move to $tmp/cc for the diff.
	what=$(klp_journal_restore "$srcdir" "$tmp/cc") || die "$E_BUILD" "cannot restore $srcdir from $journal"
	echo "restored ${what:-nothing}" >>"$LOG"
	patched_tree=0
}

# The patches' headers and --cve/--description are read before anything
# else, so a bad --cve is a usage error before any build.
check_meta() {
	[[ $build_original_only -eq 0 ]] || return 0
	local rc=0 err
	err=$("$PATCH_META" "${meta_args[@]}" "${patches[@]}" 2>&1 >/dev/null) || rc=$?
	case $rc in
	0) ;;
	2) usage_error "${err#patch-meta: ERROR: }" ;;
	*) echo "kpatch-build: ${err#patch-meta: ERROR: }" >&2; exit "$E_PATCH" ;;
	esac
}
