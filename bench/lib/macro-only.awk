# Does a unified diff of a header change only preprocessor lines (bench/
# fix-corpus)? Prints "yes" when every removed or added line is a
# directive (#define, #undef, #if...), the continuation of one, blank, or
# a comment line; else "no". Such a header needs no width limit as a
# dependency: kpatch-build rebuilds only the includers whose preprocessed
# source it changes. Continuations are followed in each side's own lines
# (context and removed lines for the old file, context and added ones for
# the new).
function code_line(s, cont) {
	if (cont || s ~ /^[ \t]*#/ || s ~ /^[ \t]*$/) return 0
	if (s ~ /^[ \t]*(\/\*|\*|\/\/)/ || s ~ /\*\/[ \t]*$/) return 0
	return 1
}
/^(---|\+\+\+|@@|diff |# )/ { old_cont = new_cont = 0; next }
{
	tag = substr($0, 1, 1); s = substr($0, 2)
	cont_here = (s ~ /\\[ \t]*$/)
	if (tag == "-") { if (code_line(s, old_cont)) bad = 1; old_cont = cont_here; changed = 1 }
	else if (tag == "+") { if (code_line(s, new_cont)) bad = 1; new_cont = cont_here; changed = 1 }
	else { old_cont = new_cont = cont_here }
}
END { print (changed && !bad) ? "yes" : "no" }
