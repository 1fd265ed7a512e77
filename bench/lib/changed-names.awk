# The names a unified diff of a header declares or changes on its code lines
# (bench/fix-corpus), read in the kernel's layout, since a hunk does not
# show how deep it starts: on a line at column 0, the function (the name
# before the first parenthesis), else the tag of a struct, union or enum and
# the variable (the last name before ';', '[' or '='); on an indented line,
# a struct member (the name before ';', '[' or ':' of a line with no '=' nor
# call, or a function pointer's (*name)) or an enumerator (the name alone,
# perhaps with "= value", and a comma); the name of a #define or #undef.
# Lines inside a function's body (from a column-0 head to its column-0 '}',
# followed through the context lines too) name nothing. C's keywords, names under
# four characters and names that begin with "__" (attributes, internals)
# are left out. Prints the names on one line, space-separated, or nothing.
# A file whose own change uses one of them may need the header's change to
# compile; a wide header is then a dependency of that file only
# (kpatch-build rebuilds just the includers that use what it changes).
# With -v side=-, only the names on removed lines: what the change takes
# away or declares anew (a file's old code may use them); a name only on
# added lines is new, and no old code uses it.
# A complete line (ending in ';' or ',', its parentheses balanced) that is
# both removed and added, but for its spacing, was moved, not changed (a
# member put into a union): it names nothing. A first line of a prototype
# whose arguments change is not complete, so its function still counts.
function moved_key(s,   t, o, c) {
	t = s
	gsub(/[ \t]+/, " ", t); sub(/^ /, "", t); sub(/ $/, "", t)
	if (t !~ /[;,]$/) return ""
	o = gsub(/\(/, "(", t); c = gsub(/\)/, ")", t)
	return o == c ? t : ""
}
BEGIN {
	# the diff is read once more first: a removed line's twin may come later
	while ((getline l < ARGV[1]) > 0) {
		if (l ~ /^(---|\+\+\+)/ || l !~ /^[-+]/) continue
		k = moved_key(substr(l, 2))
		if (k != "") seen_on[substr(l, 1, 1), k] = 1
	}
	close(ARGV[1])
	n = split("auto break case char const continue default double else enum extern float " \
		"goto inline long register restrict return short signed sizeof static struct switch " \
		"typedef union unsigned void volatile while bool true false NULL", stop, " ")
	for (i = 1; i <= n; i++) stopword[stop[i]] = 1
}
function add(w) {
	if (length(w) < 4 || w ~ /^__/ || (w in stopword) || (w in seen)) return
	seen[w] = 1
	list = list (list == "" ? "" : " ") w
}
# The last identifier of S before the first of the characters in STOPS.
function last_before(s, stops,   i, c, t) {
	for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); if (index(stops, c)) break }
	t = substr(s, 1, i - 1)
	if (match(t, /[A-Za-z_][A-Za-z0-9_]*[ \t]*$/)) { t = substr(t, RSTART, RLENGTH); sub(/[ \t]+$/, "", t); return t }
	return ""
}
/^(---|\+\+\+|diff |# )/ { next }
/^@@/ { body = 0; next }
# A function's body, from its column-0 head to its column-0 '}', in the
# lines of either side (context too): its locals look like members.
/^[-+ ]/ {
	s = substr($0, 2)
	if (s ~ /^}/) { body = 0; next }
	if (s ~ /^[A-Za-z_].*\(/ && s !~ /;[ \t]*$/) head = 1
	else if (s ~ /^{/) { body = 1; head = 0 }
	if (head && s ~ /{[ \t]*$/) { body = 1; head = 0 }
	if (substr($0, 1, 1) == " ") next
}
/^[-+]/ {
	if (side != "" && substr($0, 1, 1) != side) next
	s = substr($0, 2)
	k = moved_key(s)
	if (k != "" && (("-", k) in seen_on) && (("+", k) in seen_on)) next
	if (s ~ /^[ \t]*(\/\*|\*|\/\/)/) next
	gsub(/"([^"\\]|\\.)*"/, "\"\"", s)
	gsub(/\/\*.*\*\//, " ", s)
	sub(/\/\/.*/, "", s)
	if (match(s, /^[ \t]*#[ \t]*(define|undef)[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
		w = substr(s, RSTART, RLENGTH); sub(/^[ \t]*#[ \t]*(define|undef)[ \t]+/, "", w); add(w); next
	}
	if (s ~ /^[ \t]*#/) next
	if (body && s !~ /^[A-Za-z_]/) next
	if (s ~ /^[A-Za-z_]/) {
		if (match(s, /[A-Za-z_][A-Za-z0-9_]*[ \t]*\(/)) {
			w = substr(s, RSTART, RLENGTH); sub(/[ \t]*\($/, "", w); add(w); next
		}
		if (match(s, /(struct|union|enum)[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
			w = substr(s, RSTART, RLENGTH); sub(/^(struct|union|enum)[ \t]+/, "", w); add(w)
		}
		if (s ~ /[;[=]/) add(last_before(s, ";[="))
		next
	}
	if (match(s, /\([ \t]*\*[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\)[ \t]*\(/)) {
		w = substr(s, RSTART, RLENGTH); gsub(/[()* \t]/, "", w); add(w); next
	}
	if (s ~ /;[ \t]*$/ && s !~ /[=()]/ && s !~ /^[ \t]*(return|break|continue|goto)[ \t;]/)
		add(last_before(s, ";[:"))
	# an enumerator: the name alone on its line, perhaps with its value
	else if (s ~ /^[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*(=[^;{}]*)?,?[ \t]*$/)
		add(last_before(s, "=,"))
}
END { if (list != "") print list }
