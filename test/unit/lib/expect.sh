# shellcheck shell=bash
# shellcheck disable=SC2034 # the E_* variables are read by lib/case.sh
# Reading a case's expect file (syntax in test/unit/README.md) into E_* vars.

parse_expect() {
	local file=$1 kw rest line
	E_EXIT=0 E_PARENT=vmlinux E_SYMTAB=readelf E_SYMVERS=file E_VALGRIND=yes E_PARENT_LINK=rel
	E_LINK=(@ kernel) E_OBJECT=() E_EXPORTS=() E_ENV=() E_ARGS=() E_CFLAGS=() E_CHECKS=() E_CLANG=""
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		kw=${line%% *} rest=${line#* }
		[[ $kw == "$line" ]] && rest=
		# "gcc: LINE" and "clang: LINE" apply to that compiler's run only
		if [[ $kw == gcc: || $kw == clang: ]]; then
			[[ ${UNIT_CC:-gcc} == "${kw%:}"* ]] || continue
			line=$rest kw=${rest%% *} rest=${rest#* }
			[[ $kw == "$line" ]] && rest=
		fi
		case $kw in
		clang) E_CLANG=$rest ;;
		exit) E_EXIT=$rest ;;
		parent) E_PARENT=$rest ;;
		link) read -r -a E_LINK <<<"$rest" ;;
		object) read -r -a E_OBJECT <<<"$rest" ;;
		symtab) E_SYMTAB=$rest ;;
		symvers) E_SYMVERS=$rest ;;
		parent-link) E_PARENT_LINK=$rest ;;
		export) E_EXPORTS+=("$rest") ;;
		env) E_ENV+=("$rest") ;;
		args) read -r -a E_ARGS <<<"$rest" ;;
		cflags) read -r -a E_CFLAGS <<<"$rest" ;;
		valgrind) E_VALGRIND=$rest ;;
		has | lacks | stderr) E_CHECKS+=("$kw $rest") ;;
		count) E_CHECKS+=("$kw $rest") ;;
		*)
			echo "bad expect keyword '$kw' in $file" >&2
			return 1
			;;
		esac
	done <"$file"
}

# check_expectations DUMPFILE STDERRFILE: apply has/lacks/count/stderr lines; prints
# the first mismatch and returns 1, or returns 0.
check_expectations() {
	local dump=$1 errf=$2 check kw rest n want pat line
	local -a lines=()
	[[ -f $dump ]] && mapfile -t lines <"$dump"
	for check in "${E_CHECKS[@]}"; do
		kw=${check%% *} rest=${check#* }
		case $kw in
		has | lacks | count)
			if [[ $kw == count ]]; then
				want=${rest%% *} pat=${rest#* }
			else
				pat=$rest
			fi
			n=0
			for line in "${lines[@]}"; do
				glob_any "$line" "$pat" && n=$((n + 1))
			done
			case $kw in
			has) ((n > 0)) || { echo "expected a line '$pat', none in the dump"; return 1; } ;;
			lacks) ((n == 0)) || { echo "expected no line '$pat', found '$(first_match "$pat" "${lines[@]}")'"; return 1; } ;;
			count) ((n == want)) || { echo "expected $want lines '$pat', found $n"; return 1; } ;;
			esac
			;;
		stderr)
			stderr_has "$errf" "$rest" ||
				{ echo "expected stderr to contain '$rest', saw: $(head -c 300 "$errf" | tr '\n' ' ')"; return 1; }
			;;
		esac
	done
}

first_match() {
	local pat=$1 line
	shift
	for line in "$@"; do
		glob_any "$line" "$pat" && { printf '%s\n' "$line"; return; }
	done
}

# stderr_has FILE "A | B": the file contains one of the alternatives.
stderr_has() {
	local alt rest=$2
	while [[ -n $rest ]]; do
		alt=${rest%% | *}
		[[ $rest == *" | "* ]] && rest=${rest#* | } || rest=
		grep -qF -- "$alt" "$1" && return 0
	done
	return 1
}

# glob_any LINE "P1 | P2": the line matches one of the glob alternatives.
glob_any() {
	local alt rest=$2
	while [[ -n $rest ]]; do
		alt=${rest%% | *}
		[[ $rest == *" | "* ]] && rest=${rest#* | } || rest=
		# shellcheck disable=SC2053 # the pattern is a glob on purpose
		[[ $1 == $alt ]] && return 0
	done
	return 1
}
