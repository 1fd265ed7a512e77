# The source files that include the files named on the first input (one a
# line), directly or through other headers, from the #include index
# (tree.sh's indexed_includes: "F FILE" for every file, "FILE INCLUDE" for
# each #include line). Needs include-paths.awk. Prints the .c and .S files.
function add(f,   p) {
	want[f] = 1; order[++nw] = f; p = f
	while (p != "") { sfx[p] = 1; if (!sub(/^[^\/]*\//, "", p)) break }
}
NR == FNR { add($1); next }
$1 == "F" { known[$2] = 1; next }
{ file[++n] = $1; inc[n] = $2 }
END {
	# Each round adds the files that include one already found: by the
	# path relative to the includer, else (-I paths, <...>) by a path
	# suffix, unless the relative path is another file of the tree.
	do {
		added = 0
		for (i = 1; i <= n; i++) {
			if (file[i] in want) continue
			s = inc[i]; r = norm(dirname(file[i]) "/" s)
			if ((r in want) || ((s in sfx) && !(r in known))) { add(file[i]); added = 1 }
		}
	} while (added)
	for (i = 1; i <= nw; i++) if (order[i] ~ /\.[cS]$/) print order[i]
}
