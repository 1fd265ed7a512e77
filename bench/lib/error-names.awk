# The files and missing names in a compiler's errors (bench/lib/needed-
# files.sh): for each "PATH:LINE:COL: error: MESSAGE" line, "F PATH" (made
# relative to SRC, a directory ending in '/'; a path elsewhere is left out),
# and "N PATH NAME [TAG]" where the message says NAME is missing or has
# changed: the quoted name of the messages below (gcc's quotes, or ASCII
# ones under LANG=C), with, for a missing member, the tag of its struct or
# union. What a message suggests ("did you mean") is not a name; a name a
# guard macro made (class_NAME_t) also gives the NAME its header defines;
# for a pointer of an incompatible type, the name under gcc's caret.
BEGIN {
	# the messages that name what the code expected to be declared
	n = split("undeclared|has no member named|implicit declaration of function|" \
		"unknown type name|too many arguments to function|too few arguments to function|" \
		"invalid use of undefined type|conflicting types for", kinds, "|")
	q = "(\342\200\230|')"          # opening quote: U+2018 or '
	e = "(\342\200\231|')"          # closing quote: U+2019 or '
	ident = "[A-Za-z_][A-Za-z0-9_]*"
}
# gcc's excerpt of an incompatible pointer error's line, then its caret
# line: the name under the caret (same column: both lines have the same
# margin) is what the error is about, such as the function that
# '.dump = nft_reject_dump,' puts where its header's new prototype differs.
want != "" && excerpt == "" && /^ *[0-9]+ \| / { excerpt = $0; next }
want != "" && excerpt != "" && /^ +\| +[~ ]*\^/ {
	c = index($0, "^")
	# (a name's start: gcc's excerpt may be of the file as it is now)
	if (substr(excerpt, c - 1, 1) !~ /[A-Za-z0-9_]/ && match(substr(excerpt, c), "^" ident))
		print "N " want " " substr(excerpt, c, RLENGTH)
	want = ""
	next
}
{ want = "" }
match($0, /^[^ :]+:[0-9]+:[0-9]+: (fatal )?error: /) {
	path = $0
	sub(/:.*/, "", path)
	if (index(path, src) == 1) path = substr(path, length(src) + 1)
	if (path ~ /^\//) next
	# one name a file: fs/smb/server/mgmt/../smb2pdu.h is smb2pdu.h there
	while (gsub(/\/\.\//, "/", path)) ;
	sub(/^(\.\/)+/, "", path)
	while (match(path, /(^|\/)[^\/]+\/\.\.\//) && substr(path, RSTART, RLENGTH) !~ /(^|\/)\.\.\/\.\.\//)
		path = substr(path, 1, RSTART - 1) (RSTART > 1 ? "/" : "") substr(path, RSTART + RLENGTH)
	if (path ~ /^\.\.\//) next
	print "F " path
	msg = substr($0, RLENGTH + 1)
	sub(/; did you mean .*/, "", msg)
	if (index(msg, "from incompatible pointer type")) { want = path; excerpt = ""; next }
	# the member's struct: 'struct sock' (or 'const struct sock', through
	# a const pointer) has no member named ...
	tag = ""
	if (match(msg, q "((const|volatile) )*(struct |union )?" ident e " has no member named")) {
		tag = substr(msg, RSTART, RLENGTH)
		sub(/ has no member named$/, "", tag)
		gsub(/^(\342\200\230|')((const|volatile) )*(struct |union )?|(\342\200\231|')$/, "", tag)
	}
	for (i = 1; i <= n; i++) {
		if (!index(msg, kinds[i])) continue
		# every quoted single name of the message (a type such as
		# 'struct sock' has a space and is not one)
		s = msg
		while (match(s, q ident e)) {
			w = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			gsub(/^(\342\200\230|')|(\342\200\231|')$/, "", w)
			if (w == tag) continue
			print "N " path " " w (tag != "" ? " " tag : "")
			# what DEFINE_GUARD(name, ...) and its kin make of a
			# name (cleanup.h): the header names only the name
			if (match(w, /^class_.+_(t|constructor|destructor|lock_ptr)$/)) {
				sub(/^class_/, "", w); sub(/_(t|constructor|destructor|lock_ptr)$/, "", w)
				print "N " path " " w
			}
		}
		break
	}
}
