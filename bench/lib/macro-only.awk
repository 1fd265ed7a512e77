# Does a unified diff of a header change only preprocessor lines (bench/
# fix-corpus)? Prints "yes NAME..." (the macros it defines, changes or
# removes) when every removed or added line is a directive (#define,
# #undef, #if...), the continuation of one, blank, or a comment line; else
# "no". Such a header needs no width limit as a dependency of a file that
# uses one of those names: kpatch-build rebuilds only the includers whose
# preprocessed source it changes. Continuations are followed in each
# side's own lines (context and removed lines for the old file, context
# and added ones for the new). With -v side=-, the names printed are only
# those of the removed lines' macros (changed or removed, not new ones).
function code_line(s, cont) {
	if (cont || s ~ /^[ \t]*#/ || s ~ /^[ \t]*$/) return 0
	if (s ~ /^[ \t]*(\/\*|\*|\/\/)/ || s ~ /\*\/[ \t]*$/) return 0
	return 1
}
# The macro a line of one side belongs to: the one it defines, or the one
# whose continued body it is (CONT, NAME: that side's state before it).
function macro_of(s, cont, name,   m) {
	if (cont) return name
	if (match(s, /^[ \t]*#[ \t]*(define|undef)[ \t]+[A-Za-z_][A-Za-z0-9_]*/)) {
		m = substr(s, RSTART, RLENGTH)
		sub(/^[ \t]*#[ \t]*(define|undef)[ \t]+/, "", m)
		return m
	}
	return ""
}
function changed_name(m, tag) {
	if (m != "" && !(m in names) && (side == "" || side == tag)) { names[m] = 1; list = list " " m }
}
/^(---|\+\+\+|@@|diff |# )/ { old_cont = new_cont = 0; old_name = new_name = ""; next }
{
	tag = substr($0, 1, 1); s = substr($0, 2)
	cont_here = (s ~ /\\[ \t]*$/)
	if (tag == "-" || tag == " ") {
		m = macro_of(s, old_cont, old_name)
		if (tag == "-") { if (code_line(s, old_cont)) bad = 1; changed_name(m, tag); changed = 1 }
		old_cont = cont_here; old_name = m
	}
	if (tag == "+" || tag == " ") {
		m = macro_of(s, new_cont, new_name)
		if (tag == "+") { if (code_line(s, new_cont)) bad = 1; changed_name(m, tag); changed = 1 }
		new_cont = cont_here; new_name = m
	}
}
END { print (changed && !bad) ? "yes" list : "no" }
