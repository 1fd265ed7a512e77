# Which changed files of a stable update name a function that a changed .c
# file newly defines or redefines (bench/fix-corpus). Input: the per-file
# patches, each file's path on its "+++ b/PATH" line. A definition is an
# added line of a .c file at column 0 that names a function and ends
# without ";" (the kernel's style), not static; a use is NAME( on an added
# line of any file (a call, or a header's new prototype). Output:
# "FILE DEFINER..." for each file using what another file defines.
/^\+\+\+ b\// { file = substr($0, 7); next }
/^\+/ {
	line = substr($0, 2)
	if (file ~ /\.c$/ && line ~ /^[A-Za-z_][^;]*[^A-Za-z0-9_][A-Za-z_][A-Za-z0-9_]*\(/ && line !~ /;[ \t]*$/ &&
	    line !~ /^static[ \t]/) {
		name = line; sub(/\(.*/, "", name); sub(/.*[^A-Za-z0-9_]/, "", name)
		if (name in definers) { if (definers[name] != file) definers[name] = definers[name] " " file }
		else definers[name] = file
	}
	while (match(line, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
		name = substr(line, RSTART, RLENGTH); sub(/[ \t]*\($/, "", name)
		callers[name] = callers[name] " " file
		line = substr(line, RSTART + RLENGTH)
	}
}
END {
	for (name in definers) {
		# a name defined in more than one changed file is not a link
		if (definers[name] ~ / /) continue
		n = split(callers[name], fs, " ")
		for (i = 1; i <= n; i++) if (fs[i] != definers[name] && !((fs[i], definers[name]) in linked)) {
			linked[fs[i], definers[name]] = 1
			out[fs[i]] = out[fs[i]] " " definers[name]
		}
	}
	for (f in out) print f out[f]
}
