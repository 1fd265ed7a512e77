# shellcheck shell=bash
# What else of the same update a fix's failed build says it needs
# (bench/fix-rate): fix-corpus's deps are guessed from the diffs' names; the
# compiler's errors say it. UPDATE is the corpus's update/ directory (the
# diff of every changed file, by its path). Prints, one a line, the paths of
# the update's changed files that PATCH lacks and that LOG's errors name:
#  - a changed file where an error is (its old code meets the fix's half of
#    a change: a redefinition, a changed prototype, a new argument), with
#    its own deps (the corpus's deps/ beside UPDATE);
#  - a changed header whose added lines name what an error of another file
#    says is missing (undeclared, no such member, implicit declaration,
#    unknown type, wrong number of arguments, conflicting types, a pointer
#    of an incompatible type), on an added line or in a prototype whose
#    arguments the diff changes (header-names.awk), when at
#    most two headers do (more is a name too common to tell which); for a
#    member, of the headers whose diff names its struct too. (An error in a
#    file added by the first rule says only that its own half is missing:
#    a member 'order' would match any header.)
# Paths in LOG are absolute under SRCDIR (kpatch-build builds there) or
# relative to it.
# A changed file's name in the corpus (NNNN-STEM.patch), as fix-corpus
# writes it.
stem_of() { # PATH
	local s=${1%.c}
	echo "${s//\//_}"
}

needed_files() { # PATCH LOG UPDATE SRCDIR
	local have=() headers=() kind path name tag h f lib
	declare -A in_patch=() out=() added=()
	lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
	while read -r name; do in_patch[$name]=1; done < <(sed -n 's|^+++ b/||p' "$1")
	mapfile -t headers < <(cd "$3" && find . -name '*.h' -type f | sed 's|^\./||' | sort)
	while read -r kind path name tag; do
		if [[ $kind == F ]]; then
			[[ -f $3/$path && -z ${in_patch[$path]:-} ]] || continue
			added[$path]=1
			# with what fix-corpus found it needs (deps/: its file's own
			# fix, where it does not compile alone)
			for f in "$path" $(sed -n 's|^+++ b/||p' "$3"/../deps/[0-9]*-"$(stem_of "$path")".patch 2>/dev/null); do
				[[ -f $3/$f && -z ${in_patch[$f]:-} && -z ${out[$f]:-} ]] || continue
				out[$f]=1
				echo "$f"
			done
			continue
		fi
		[[ -z ${added[$path]:-} && ${#headers[@]} -gt 0 ]] || continue
		mapfile -t have < <(cd "$3" && printf '%s\0' "${headers[@]}" |
			xargs -0r awk -v name="$name" -f "$lib/header-names.awk" |
			while read -r h; do [[ -z $tag ]] || grep -qw -- "$tag" "$h" || continue; echo "$h"; done)
		[[ ${#have[@]} -ge 1 && ${#have[@]} -le 2 ]] || continue
		for h in "${have[@]}"; do
			[[ -n ${in_patch[$h]:-} || -n ${out[$h]:-} ]] || { out[$h]=1; echo "$h"; }
		done
	done < <(LC_ALL=C awk -v src="$4/" -f "$lib/error-names.awk" "$2" | awk '!seen[$0]++')
}
