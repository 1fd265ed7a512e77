# shellcheck shell=bash
# What else of the same update a fix's failed build says it needs
# (bench/fix-rate): fix-corpus's deps are guessed from the diffs' names; the
# compiler's errors say it. UPDATE is the corpus's update/ directory (the
# diff of every changed file, by its path). Prints, one a line, the paths of
# the update's changed files that PATCH lacks and that LOG's errors name:
#  - a changed file where an error is (its old code meets the fix's half of
#    a change: a redefinition, a changed prototype, a new argument);
#  - a changed header whose added lines name what an error of another file
#    says is missing (undeclared, no such member, implicit declaration,
#    unknown type, wrong number of arguments, conflicting types), when at
#    most two headers do (more is a name too common to tell which); for a
#    member, of the headers whose diff names its struct too. (An error in a
#    file added by the first rule says only that its own half is missing:
#    a member 'order' would match any header.)
# Paths in LOG are absolute under SRCDIR (kpatch-build builds there) or
# relative to it.
needed_files() { # PATCH LOG UPDATE SRCDIR
	local have=() headers=() kind path name tag h
	declare -A in_patch=() out=() added=()
	while read -r name; do in_patch[$name]=1; done < <(sed -n 's|^+++ b/||p' "$1")
	mapfile -t headers < <(cd "$3" && find . -name '*.h' -type f | sed 's|^\./||' | sort)
	while read -r kind path name tag; do
		if [[ $kind == F ]]; then
			[[ -f $3/$path && -z ${in_patch[$path]:-} ]] || continue
			added[$path]=1
			[[ -n ${out[$path]:-} ]] || { out[$path]=1; echo "$path"; }
			continue
		fi
		[[ -z ${added[$path]:-} && ${#headers[@]} -gt 0 ]] || continue
		mapfile -t have < <(cd "$3" && printf '%s\0' "${headers[@]}" |
			xargs -0r grep -lE "^\+([^+].*)?\b$name\b" |
			while read -r h; do [[ -z $tag ]] || grep -qw -- "$tag" "$h" || continue; echo "$h"; done)
		[[ ${#have[@]} -ge 1 && ${#have[@]} -le 2 ]] || continue
		for h in "${have[@]}"; do
			[[ -n ${in_patch[$h]:-} || -n ${out[$h]:-} ]] || { out[$h]=1; echo "$h"; }
		done
	done < <(LC_ALL=C awk -v src="$4/" -f "$(dirname "${BASH_SOURCE[0]}")/error-names.awk" "$2" | awk '!seen[$0]++')
}
