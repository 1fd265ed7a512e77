# kpatch-build: seeing and pruning the cache. Extracted sources live in
# $KLP_CACHE/src, prepared trees (with the original objects built so far) in
# $KLP_CACHE/tree. A tree in use holds its lock shared; pruning takes it
# exclusively without waiting, so it never removes a tree a build is using.
# Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

cache_entries() {
	find "$KLP_CACHE/src" "$KLP_CACHE/tree" -mindepth 1 -maxdepth 1 -type d ! -name '*.tmp' 2>/dev/null | sort
}

last_used() { # DIR -> epoch seconds
	local m
	for m in .last-used .extracted; do
		[[ -e $1/$m ]] && { stat -c %Y "$1/$m"; return; }
	done
	stat -c %Y "$1"
}

# One line of the list: size, day of last use, path, remark.
list_row() { # KB EPOCH PATH [REMARK]
	printf '%-10s %-12s %s%s\n' "$(($1 / 1024))M" "$(date -d "@$2" +%F)" "$3" "${4:+ ($4)}"
}

cache_list() {
	local d total=0 kb
	printf '%-10s %-12s %s\n' SIZE LAST-USED ENTRY
	while read -r d; do
		kb=$(du -sk "$d" | cut -f1)
		total=$((total + kb))
		list_row "$kb" "$(last_used "$d")" "$d"
	done < <(cache_entries)
	echo "total $((total / 1024))M of kpatch-build's in $KLP_CACHE"
	others
}

# The rest of $KLP_CACHE belongs to the test suites and bench/ (test
# kernels, Debian's packages, fix-rate corpora): shown, so that the disk use
# adds up, but never pruned by kpatch-build (banner/ and tools/ are
# kpatch-build's own, a few kB).
others() {
	local d
	while read -r d; do
		list_row "$(du -sk "$d" | cut -f1)" "$(stat -c %Y "$d")" "$d" "not kpatch-build's: the tests' or bench/'s; not pruned here"
	done < <(find "$KLP_CACHE" -mindepth 1 -maxdepth 1 -type d ! -name src ! -name tree ! -name banner ! -name tools 2>/dev/null | sort)
}

cache_prune() {
	local d cutoff freed=0 kb rc
	cutoff=$(($(date +%s) - cache_days * 86400))
	while read -r d; do
		[[ $(last_used "$d") -le $cutoff ]] || continue
		kb=$(du -sk "$d" | cut -f1)
		# Busy (a build holds its lock): left alone.
		rc=0
		flock -n -x -E 75 "$d" rm -rf "$d" || rc=$?
		case $rc in
		0) ;;
		75) echo "in use, kept: $d"; continue ;;
		*) echo "could not remove $d"; continue ;;
		esac
		freed=$((freed + kb))
		echo "removed $d ($((kb / 1024))M)"
	done < <(cache_entries)
	echo "freed $((freed / 1024))M"
}
