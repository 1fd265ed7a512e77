# shellcheck shell=bash
# The kinds of refusal, for bench/fix-rate and bench/cross-diff: one table, so
# that both benches name a refusal alike (and fix-rate's outcome of a build,
# below). A pattern (grep -E) of create-diff-object's or kpatch-build's
# message, then its kind; the first that matches wins.
refusals=(
	'existing data cannot be patched|size of existing data changed|changed data section' changed-data
	'new variable in .*a section shared'                               new-shared-data
	'layout changed \('                                                struct-layout
	'renumbered \('                                                    enum-renumbered
	'changed __init|__exit'                                            init
	'new export of'                                                    new-export
	'export of .* removed'                                             removed-export
	'static key .* defined in module'                                  static-key
	'new static call trampoline'                                       new-static-call
	'has no ftrace entry|notrace'                                      notrace
	'static local'                                                     static-local
	'references excluded section|has no symbol to relocate against'    unrelocatable
	'not found in the parent.s symbol table'                           missing-symbol
	'entry size|entries of'                                            special-section
	'is new \(not in the original build\)'                             new-object
	'no changes found in any object'                                   no-change
	'a full build is needed'                                           full-build
)

# refusal_kind FILE: the kind of the refusal FILE reports, or fail.
refusal_kind() {
	local i
	for ((i = 0; i < ${#refusals[@]}; i += 2)); do
		grep -qE -- "${refusals[i]}" "$1" && { echo "${refusals[i + 1]}"; return 0; }
	done
	return 1
}

# The file a corpus patch fixes: its first (a deps/ patch adds others after).
fixed_file() { # PATCH
	sed -n 's|^+++ b/||p' "$1" | head -1
}

# Outcome of one kpatch-build (bench/fix-rate) from its exit code and log;
# FILE is the file the fix is for (not one of its deps).
classify_build() { # RC LOG FILE
	local kind
	case $1 in
	0) echo built; return ;;
	3) echo corpus-error; return ;; # does not apply to BASE: a corpus bug
	124 | 137) echo timeout; return ;; # fix-rate's --fix-timeout
	# kpatch-build's exit on SIGINT or SIGTERM from outside (timeout(1)
	# reports its own as 124): a run stopped by hand measured nothing
	130 | 143) echo stopped; return ;;
	5) grep -qs 'error:' "$2" "${2%.log}.full.log" && { echo compile-error; return; } ;;
	6)
		# the fix's own file, not one of its deps (a KUnit test beside it)
		grep -qF -e 'no object of this config is built' -e "note: $3 is not built by this config" "$2" &&
			{ echo not-compiled; return; }
		kind=$(refusal_kind "$2") && { echo "refused:$kind"; return; }
		# A create-diff-object that died otherwise than refusing is a bug.
		grep -qE 'create-diff-object refused .* \(exit 2\)' "$2" && { echo refused:other-refusal; return; }
		;;
	esac
	echo tool-failure
}
