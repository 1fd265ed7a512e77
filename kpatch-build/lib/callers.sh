# kpatch-build: a changed global function without an ftrace entry (lib/ and
# kernel/trace/ are built without ftrace, and the kernel's `inline` implies
# notrace) is replaced through its callers, as create-diff-object does by
# itself for a local one. Its refusal names the function; the objects of the
# same parent that refer to it are found in the source and built, every
# create-diff-object run gets --via-callers NAME, and in the end every
# function of the running parent that calls it (read from the parent's
# code) must be one the patch patches. Sourced by kpatch-build.
# shellcheck shell=bash disable=SC2154,SC2034

via_callers=()

# The function a create-diff-object refusal (ERRFILE) names for having no
# ftrace entry, when OBJ defines it as a global function; else fails.
refused_notrace_global() { # ERRFILE OBJ
	local f
	f=$(sed -n 's/.*: \([A-Za-z0-9_.]*\): changed function has no ftrace entry (call __fentry__) in .*/\1/p' "$1" | head -1)
	[[ -n $f ]] || return 1
	readelf -sW "$2" 2>/dev/null |
		awk -v f="$f" '$8 == f && $4 == "FUNC" && $5 == "GLOBAL" && $7 != "UND" { ok = 1 } END { exit !ok }' || return 1
	echo "$f"
}

# Whether header FILE uses FUNC in a macro or in the body of a function (an
# inline wrapper), not only declares it: then its includers call it too.
header_uses() { # FILE FUNC
	awk -v f="$2" '
		{ line = $0 }
		cont || line ~ /^[ \t]*#[ \t]*define/ { macro = 1 }
		{
			# comments out, then count braces before each use
			gsub(/\/\*.*\*\//, "", line); sub(/\/\/.*/, "", line)
			n = split(line, w, /[^A-Za-z0-9_]+/)
			for (i = 1; i <= n; i++) if (w[i] == f && (macro || depth > 0)) { found = 1; exit }
			depth += gsub(/\{/, "{", line) - gsub(/\}/, "}", line)
			cont = (line ~ /\\$/); if (!cont) macro = 0
		}
		END { exit !found }' "$1"
}

# The objects of PARENT (not OBJ itself) that may call FUNC: those of the
# files x86 builds that name it, and the includers of headers whose macros
# or inline functions use it. (A source search; check_via_callers then holds
# it against the running parent's code.)
objects_naming() { # FUNC PARENT OBJ
	local index f hits=() sources=() headers=()
	index=$(indexed_includes)
	mapfile -t hits < <(cd "$srcdir" && { awk '$1 == "F" { print $2 }' "$index" | LC_ALL=C xargs -r grep -lwF -e "$1" 2>/dev/null; true; })
	for f in "${hits[@]}"; do
		case $f in
		*.h) ! header_uses "$srcdir/$f" "$1" || headers+=("$f") ;;
		*) sources+=("$f") ;;
		esac
	done
	[[ ${#headers[@]} -eq 0 ]] || mapfile -t -O "${#sources[@]}" sources < <(includers_of "${headers[@]}")
	printf '%s\n' "${sources[@]}" | objects_of_sources | while read -r o p; do
		[[ $o != "$3" && $(parent_name "$p") == "$2" ]] && echo "$o"
	done
	return 0
}

# Adds FUNC, refused by OBJ's run, to --via-callers, and the objects that
# name it to $tmp/caller-objects (built here, into $tmp/callers/); dies when
# its callers cannot all be found.
add_via_callers() { # FUNC OBJ PARENT
	local func=$1 obj=$2 parent=$3 o n objs=() new=()
	local why="$func (in $obj): changed function has no ftrace entry (call __fentry__)"
	[[ -z $oot_module && $full_build -eq 0 ]] ||
		die "$E_DIFF" "$why; its callers are patched instead only in a targeted build of the kernel"
	# exported: in Module.symvers, or (a kernel without one) in the
	# parent's own export table
	if awk -v f="$func" '$2 == f { found = 1 } END { exit !found }' "$symvers" ||
		nm "$(parent_binary "$parent" "$(rel_of "$parent")")" 2>/dev/null |
		awk -v k="__ksymtab_$func" '$3 == k { found = 1 } END { exit !found }'; then
		die "$E_DIFF" "$why, and it is exported: modules anywhere may call it, so patching its callers cannot reach them all; notrace functions cannot be patched"
	fi
	progress "  $func has no ftrace entry: patching its callers in $parent instead"
	mapfile -t objs < <(objects_naming "$func" "$parent" "$obj")
	for o in "${objs[@]}"; do
		grep -qxF "$o" "$tmp/cc/changed" "$tmp/caller-objects" 2>/dev/null || new+=("$o")
	done
	n=${#new[@]}
	[[ -z $max_objects || $n -le $max_objects ]] ||
		die "$E_DIFF" "$why, and $n objects of $parent name it (more than --max-objects $max_objects)"
	via_callers+=("$func")
	echo "$func $parent" >>"$tmp/via-callers"
	[[ $n -gt 0 ]] || return 0
	progress "    ${new[*]}"
	build_objects "callers build" original "${new[@]}" || die "$E_BUILD" "building the objects that call $func failed"
	for o in "${new[@]}"; do
		[[ -f $objdir/$o ]] || die "$E_BUILD" "building $o (it names $func) made no object"
		mkdir -p "$tmp/callers/$(dirname "$o")"
		cp "$objdir/$o" "$tmp/callers/$o"
		echo "$o" >>"$tmp/caller-objects"
	done
}

# The module path (REL) diff_pass recorded for PARENT, "-" for vmlinux.
rel_of() { # PARENT
	awk -v p="$1" '$1 == p { print $2; exit }' "$tmp/parents"
}

# Function names, one a line, with a .cold or .part piece named for its
# function, sorted and unique: the running parent's and create-diff-object's
# lists compare alike.
function_bases() {
	sed -E 's/\.(cold|part\.[0-9]+)$//' | sort -u
}

# The parent's binary: vmlinux, or the module (decompressed).
parent_binary() { # PARENT REL
	if [[ $1 == vmlinux ]]; then echo "$vmlinux"; else module_symtab "$1" "$2"; fi
}

# The functions of the running parent whose code refers to FUNC (not
# __init or __exit code, not FUNC's own), one a line: from vmlinux's
# disassembly (call and jump targets, rip-relative operands), or from the
# module's relocations.
parent_callers() { # FUNC PARENT REL
	local bin addr
	bin=$(parent_binary "$2" "$3")
	if [[ $2 == vmlinux ]]; then
		addr=$(nm "$bin" 2>/dev/null | awk -v f="$1" '$3 == f && ($2 == "T" || $2 == "t") { print $1; exit }')
		[[ -n $addr ]] || die "$E_DIFF" "$1 is not a function of $bin"
		objdump -d --no-show-raw-insn "$bin" | awk -v want="$addr <$1>" -v f="$1" '
			/^Disassembly of section / { init = ($4 ~ /^\.(init|exit)\./); next }
			/^[0-9a-f]+ <.*>:$/ { fn = substr($2, 2, length($2) - 3); next }
			!init && index($0, want) && fn != f && index(fn, f ".") != 1 { print fn }'
	else
		objdump -dr --no-show-raw-insn "$bin" | awk -v f="$1" '
			/^Disassembly of section / { init = ($4 ~ /^\.(init|exit)\./); next }
			/^[0-9a-f]+ <.*>:$/ { fn = substr($2, 2, length($2) - 3); next }
			!init && $2 ~ /^R_X86_64_/ { s = $3; sub(/[-+]0x[0-9a-f]+$/, "", s)
				if (s == f && fn != f && index(fn, f ".") != 1) print fn }'
	fi | function_bases
}

# Every function of the running parent that calls a --via-callers function
# must be patched: one the source search missed (a name made by a macro)
# would keep calling the old copy.
check_via_callers() {
	local func parent missing
	[[ -s $tmp/via-callers ]] || return 0
	while read -r func parent; do
		missing=$(comm -23 <(parent_callers "$func" "$parent" "$(rel_of "$parent")") \
			<(awk -v f="$func" -v p="$parent" '$1 == p && $2 == f { for (i = 3; i <= NF; i++) print $i }' "$tmp/callers-seen" |
				function_bases))
		[[ -z $missing ]] ||
			die "$E_DIFF" "$func: changed function has no ftrace entry (call __fentry__), and $parent calls it from $(tr '\n' ' ' <<<"$missing" | sed 's/ $//; s/ /, /g'), which no object the source search found holds; notrace functions cannot be patched"
		progress "  $func: every caller in $parent is patched"
	done <"$tmp/via-callers"
}
