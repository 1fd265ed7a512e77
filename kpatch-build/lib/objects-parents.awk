# kpatch-build: objects with their parents (tree.sh objects_parents). Reads
# the objects wanted, one per line, on stdin ("-"), then kbuild's lists of
# what each directory builds (.klp-objlist-v2/DIR, "/" written "%": "y OBJ",
# "m OBJ MODULE", "d SUBDIR"). Prints "OBJ vmlinux" or "OBJ MODULE" for each
# object that a reached directory lists. A directory is reached when it is
# top-level or arch/x86, or the nearest ancestor that lists it as a
# subdirectory is reached (drivers/Makefile lists input/serio/ itself).

FILENAME == "-" { want[$0] = 1; next }
FILENAME != current {
	current = FILENAME
	dir = FILENAME
	sub(/.*\//, "", dir)
	gsub(/%/, "/", dir)
}
$1 == "d" { lists[dir, $2] = 1; next }
($1 == "y" || $1 == "m") && ($2 in want) && !($2 in where) {
	where[$2] = dir
	parent[$2] = $1 == "y" ? "vmlinux" : $3
}

function reached(d,    up) {
	if (d in memo)
		return memo[d]
	if (d !~ /\// || d == "arch/x86")
		return memo[d] = 1
	memo[d] = 0
	up = d
	while (up ~ /\//) {
		sub(/\/[^\/]*$/, "", up)
		if ((up, d) in lists)
			return memo[d] = reached(up)
	}
	return 0
}

END {
	for (o in where)
		if (reached(where[o]))
			print o, parent[o]
}
