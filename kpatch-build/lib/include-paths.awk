# Path helpers for the #include readers (kpatch-build's includers_of,
# bench/fix-corpus): loaded with -f before the program that uses them.

# P with "." and "dir/.." taken out, no leading or doubled "/".
function norm(p,   n, i, parts, out, k) {
	n = split(p, parts, "/"); k = 0
	for (i = 1; i <= n; i++) {
		if (parts[i] == "." || parts[i] == "") continue
		if (parts[i] == ".." && k > 0) { k--; continue }
		out[++k] = parts[i]
	}
	p = ""; for (i = 1; i <= k; i++) p = p (i > 1 ? "/" : "") out[i]
	return p
}
function dirname(p) { return sub(/\/[^\/]*$/, "", p) ? p : "." }
