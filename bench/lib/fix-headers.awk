# The changed headers each changed .c file of a stable update includes,
# directly or through other headers (bench/fix-corpus). Input: "C FILE" (a
# changed .c file) and "H FILE" (a changed header) lines, then the new
# tree's #include index (kpatch-build's write_include_index: "F FILE" for
# each file, "FILE INCLUDE" for each #include line).
# An include resolves against the includer's directory, else to every file
# it is a path suffix of (<linux/x.h>, "x.h" through -I): a superset, as
# kpatch-build's own index reads it. A header that more than WIDTH .c files
# include is left out (kpatch-build would rebuild them all, or the whole
# kernel), unless its change names something a file may use ("M FILE"
# lines, before the index: its macros or declarations, which kpatch-build
# narrows to the includers that use them). Output: "W HEADER N" for each
# header left out, "N HEADER N" for each wide one kept for the files that
# use its names (N: its includers), then "FILE HEADER..." for each changed
# .c file that includes another.
# Needs kpatch-build/lib/include-paths.awk.
$1 == "C" { changed_c[$2] = 1; next }
$1 == "H" { headers[++nh] = $2; next }
$1 == "M" { named[$2] = 1; next }
$1 == "F" {
	known[$2] = 1; p = $2
	while (1) { by_suffix[p] = by_suffix[p] " " $2; if (!sub(/^[^\/]*\//, "", p)) break }
	next
}
{ nl++; from[nl] = $1; inc[nl] = $2 }
END {
	# included file -> its includers, so that each changed header is
	# followed up to the .c files that reach it
	for (i = 1; i <= nl; i++) {
		r = norm(dirname(from[i]) "/" inc[i])
		if (r in known) t = " " r; else if (inc[i] in by_suffix) t = by_suffix[inc[i]]; else continue
		n = split(t, ts, " ")
		for (j = 1; j <= n; j++) if (ts[j] != from[i]) includers[ts[j]] = includers[ts[j]] " " from[i]
	}
	for (k = 1; k <= nh; k++) {
		delete seen; delete queue
		head = 1; tail = 0; queue[++tail] = headers[k]; seen[headers[k]] = 1; sources = 0; nr = 0
		while (head <= tail) {
			n = split(includers[queue[head++]], ts, " ")
			for (j = 1; j <= n; j++) if (!(ts[j] in seen)) {
				seen[ts[j]] = 1; queue[++tail] = ts[j]
				if (ts[j] !~ /\.c$/) continue
				sources++
				if (ts[j] in changed_c) by[++nr] = ts[j]
			}
		}
		if (sources > WIDTH) {
			if (!(headers[k] in named)) { print "W " headers[k] " " sources; continue }
			print "N " headers[k] " " sources
		}
		for (j = 1; j <= nr; j++) reached[by[j]] = reached[by[j]] " " headers[k]
	}
	for (f in reached) print f reached[f]
}
