# kpatch-build: of the objects whose sources include a patched header, keep
# those whose preprocessed source the patches change. A new #define, a
# changed macro or a declaration inside an #ifdef the config leaves out
# changes no token of most includers: those compile as before and need not
# be rebuilt, so a fix whose header half is a macro in a header the whole
# kernel includes becomes a targeted build instead of a full one.
# Preprocessing is kbuild's own (the X.i target: the object's exact flags);
# kpatch-cc keeps only a digest of each result (KPATCH_CC_DIGEST), the
# original's in the tree, where kbuild's .cmd checks keep it current, the
# patched tree's in $tmp. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

# Preprocesses OBJ... (their X.i goals) as build_objects builds objects:
# through the recorded recursion, or the top Makefile where the patches
# reach what prepare generates (so the patched pass sees the regenerated
# headers).
preprocess_objects() { # WHAT original|patched OBJ...
	local what=$1 kind=$2
	shift 2
	KPATCH_CC_DIGEST=1 build_objects "$what" "$kind" "${@/%.o/.i}"
}

# Reads "OBJ PARENT" lines of objects compiled from C files that include a
# patched header; prints those whose preprocessed source the patches change.
# An includer that does not preprocess on its own (certs/blacklist_hashes.c
# includes a list its object's rule generates first) is kept: make goes on
# past it (-k; kpatch-cc removes the digest of one that fails), and only
# the others are narrowed.
narrow_includers() { # FILE
	local list=$1 n objs=() obj parent kept=0
	mapfile -t objs < <(cut -d' ' -f1 "$list")
	n=${#objs[@]}
	progress "  preprocessing $n includers before and after the patches (which of them change)" >&2
	make_options=(-k)
	preprocess_objects "preprocessing original" original "${objs[@]}" >&2 || true
	make_options=()
	mapfile -t objs < <(while read -r obj parent; do
		[[ -f $objdir/${obj%.o}.i ]] && echo "$obj"
	done <"$list")
	if [[ ${#objs[@]} -lt $n ]]; then
		progress "  note: $((n - ${#objs[@]})) of the $n includers do not preprocess on their own (see the log): they are rebuilt" >&2
	fi
	rm -rf "$tmp/cpp"
	mkdir -p "$tmp/cpp"
	apply_patches >&2
	# make reruns the preprocessing only where a dependency changed; the
	# digests go to $tmp/cpp, so the original's stay in the tree.
	# What does not preprocess does not compile either.
	if [[ ${#objs[@]} -gt 0 ]]; then
		KPATCH_CC_DIGEST_DIR=$tmp/cpp preprocess_objects "preprocessing patched" patched "${objs[@]}" >&2 ||
			die "$E_BUILD" "patched build failed: the includers of the patched headers do not preprocess (see the compiler errors in the log)"
	fi
	restore_tree >&2
	while read -r obj parent; do
		if [[ -f $objdir/${obj%.o}.i ]]; then
			[[ -f $tmp/cpp/${obj%.o}.i ]] || continue # no dependency of it changed
			cmp -s "$tmp/cpp/${obj%.o}.i" "$objdir/${obj%.o}.i" && continue
		fi
		echo "$obj $parent"
		kept=$((kept + 1))
	done <"$list"
	progress "  the patches change the preprocessed source of $kept of these $n objects" >&2
	rm -rf "$tmp/cpp"
}
