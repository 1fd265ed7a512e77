# shellcheck shell=bash
# What else of the same update a fix's failed build says it needs
# (bench/fix-rate): fix-corpus's deps are guessed from the diffs' names; the
# compiler's errors say it. UPDATE is the corpus's update/ directory (the
# diff of every changed file, by its path). Prints, one a line, the paths of
# the update's changed files that PATCH lacks and that LOG's errors name:
#  - a changed file where an error is (its old code meets the fix's half of
#    a change: a redefinition, a changed prototype, a new argument);
#  - a changed header whose added lines name what an error says is missing
#    (undeclared, no such member, implicit declaration, unknown type, wrong
#    number of arguments), when at most two headers do (more is a name too
#    common to tell which).
# Paths in LOG are absolute under SRCDIR (kpatch-build builds there) or
# relative to it.
needed_files() { # PATCH LOG UPDATE SRCDIR
	local have=() name kind h
	declare -A in_patch=() out=()
	while read -r name; do in_patch[$name]=1; done < <(sed -n 's|^+++ b/||p' "$1")
	while read -r kind name; do
		if [[ $kind == F ]]; then
			[[ -f $3/$name ]] || continue
			[[ -n ${in_patch[$name]:-} || -n ${out[$name]:-} ]] || { out[$name]=1; echo "$name"; }
			continue
		fi
		mapfile -t have < <(cd "$3" && find . -name '*.h' -type f -print0 |
			xargs -0r grep -lE "^\+[^+].*\b$name\b" | sed 's|^\./||' | sort)
		[[ ${#have[@]} -ge 1 && ${#have[@]} -le 2 ]] || continue
		for h in "${have[@]}"; do
			[[ -n ${in_patch[$h]:-} || -n ${out[$h]:-} ]] || { out[$h]=1; echo "$h"; }
		done
	done < <(LC_ALL=C awk -v src="$4/" -f "$(dirname "${BASH_SOURCE[0]}")/error-names.awk" "$2" | awk '!seen[$0]++')
}
