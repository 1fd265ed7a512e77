# shellcheck shell=bash
# The kinds of refusal, for bench/fix-rate and bench/cross-diff: one table, so
# that both benches name a refusal alike. A pattern (grep -E) of
# create-diff-object's or kpatch-build's message, then its kind; the first
# that matches wins.
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
