# The names a unified diff of a header changes on its code lines (bench/
# fix-corpus): every identifier on an added or removed line that is not a
# comment, less C's keywords, the kernel's basic types and names shorter
# than four characters (parameter names such as "dev" would match any file).
# Prints them on one line, space-separated, or nothing. A file whose own
# change uses one of them may need the header's change to compile; a wide
# header is then a dependency of that file only (kpatch-build rebuilds just
# the includers whose used declarations the header changes).
BEGIN {
	n = split("auto break case char const continue default define defined double else elif endif " \
		"enum error extern float for goto ifdef ifndef include inline long register restrict " \
		"return short signed sizeof static struct switch typedef undef union unsigned void " \
		"volatile while bool true false NULL size_t ssize_t loff_t gfp_t __always_inline " \
		"__init __exit __user __iomem __rcu __must_check __maybe_unused __attribute__ " \
		"typeof __typeof__ unlikely likely", stop, " ")
	for (i = 1; i <= n; i++) stopword[stop[i]] = 1
}
/^(---|\+\+\+|@@|diff |# )/ { next }
/^[-+]/ {
	s = substr($0, 2)
	if (s ~ /^[ \t]*(\/\*|\*|\/\/)/) next
	gsub(/"([^"\\]|\\.)*"/, " ", s)
	gsub(/\/\*.*\*\//, " ", s)
	sub(/\/\/.*/, "", s)
	while (match(s, /[A-Za-z_][A-Za-z0-9_]*/)) {
		w = substr(s, RSTART, RLENGTH)
		s = substr(s, RSTART + RLENGTH)
		if (length(w) < 4 || (w in stopword) || (w in seen) || w ~ /^[us](8|16|32|64)$/) continue
		seen[w] = 1
		list = list (list == "" ? "" : " ") w
	}
}
END { if (list != "") print list }
