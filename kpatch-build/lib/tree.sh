# kpatch-build: the prepared tree and the targeted build. A tree is prepared
# once per kernel release, source, config and compiler (olddefconfig and
# modules_prepare: generated headers, objtool, modpost); then only the
# objects the patches reach are built in it, original and patched, by kbuild
# itself, so their flags are exactly a full build's. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

FFS_FLAGS=${KPATCH_BUILD_KCFLAGS-"-ffunction-sections -fdata-sections"}

# The wrapper and the authors' header are used from fixed places in the cache:
# the build records CC and KCFLAGS, so paths that moved with the checkout or
# the install would make every cached object look stale.
# The directory is named by the wrapper and its digest filter (used-decls):
# a tree's recorded digests are valid only for the filter that made them.
stable_tools() {
	local dir h t
	dir=$KLP_CACHE/tools/$(cat "$KPATCH_CC" "$USED_DECLS" | sha256sum | cut -c1-12)
	mkdir -p "$dir/include"
	for t in "$KPATCH_CC" "$USED_DECLS"; do
		[[ -x $dir/${t##*/} ]] && continue
		cp "$t" "$dir/${t##*/}.tmp.$$" && mv "$dir/${t##*/}.tmp.$$" "$dir/${t##*/}"
	done
	# The headers patch authors include (kpatch-macros.h, kpatch-syscall.h);
	# kbuild's dependency files see their content, the path stays the same.
	for h in "$KMOD_DIR"/*.h; do
		cmp -s "$h" "$dir/include/${h##*/}" && continue
		cp "$h" "$dir/include/${h##*/}.tmp.$$" && mv "$dir/include/${h##*/}.tmp.$$" "$dir/include/${h##*/}"
	done
	KPATCH_CC=$dir/kpatch-cc
	AUTHOR_INCLUDE=$dir/include
}

tree_key() {
	{
		echo "$kver"
		echo "$srcdir"
		echo "$source_version"
		cat "$config"
		"$KPATCH_CC_COMPILER" --version | head -1
		echo "$KPATCH_CC $FFS_FLAGS"
	} | sha256sum | cut -c1-16
}

# make's own options for the next build only (narrow.sh's -k).
make_options=()

kbuild() { # make in the prepared tree with our compiler, flags and release
	make -C "$srcdir" O="$objdir" ARCH=x86_64 -j"$jobs" "${make_options[@]}" CC="$KPATCH_CC" KERNELRELEASE="$kver" \
		KCFLAGS="$FFS_FLAGS -I$AUTHOR_INCLUDE" "$@"
}

# The tree's lock is held shared while a build uses it, so --cache-prune
# (which takes it exclusively) never removes a tree in use.
prepare_tree() {
	objdir=$KLP_CACHE/tree/$kver-$(tree_key)
	mkdir -p "$objdir"
	exec 7<"$objdir"
	flock -s 7
	touch "$objdir/.last-used"
	# modpost checks exports (patch module, out-of-tree modules) against the
	# target's own Module.symvers.
	if [[ $symvers != /dev/null ]] && ! cmp -s "$symvers" "$objdir/Module.symvers"; then
		cp "$symvers" "$objdir/Module.symvers.$$" && mv "$objdir/Module.symvers.$$" "$objdir/Module.symvers"
	fi
	if [[ -f $objdir/.prepared ]]; then
		progress "prepared tree: cached in $objdir"
		record_submake
		return 0
	fi
	progress "preparing a tree for $kver (olddefconfig, modules_prepare) in $objdir"
	cp "$config" "$objdir/.config"
	run kbuild olddefconfig || die "$E_BUILD" "make olddefconfig failed"
	# Options that only name the builder's files (keys, certificates) or the
	# versions of tools that build no C object (rustc without CONFIG_RUST,
	# pahole: BTF is not made for the patch module) change no object; the
	# others must survive, or the objects would differ.
	local lost ignored='CC_VERSION_TEXT|SYSTEM_TRUSTED_KEYS|MODULE_SIG_KEY|BUILD_SALT|PAHOLE_VERSION'
	grep -q '^CONFIG_RUST=y' "$config" || ignored+='|RUSTC_VERSION|RUSTC_LLVM_VERSION'
	lost=$(comm -23 <(grep '^CONFIG_' "$config" | grep -vE "^CONFIG_($ignored)=" | sort) \
		<(grep '^CONFIG_' "$objdir/.config" | sort) | head -5)
	[[ -z $lost ]] || die "$E_CHECK" "this source does not support the config: olddefconfig changed $(tr '\n' ' ' <<<"$lost")(source and config of different versions?)"
	run_counted "modules_prepare" "" kbuild modules_prepare || die "$E_BUILD" "make modules_prepare failed"
	touch "$objdir/.prepared"
	record_submake
}

# The whole original kernel, for --build-original and the full-build fallback.
build_full_original() {
	if [[ -f $objdir/.complete ]]; then
		progress "original build: complete in $objdir"
		return 0
	fi
	progress "building the whole original kernel (${targets[*]}); this takes long for a distribution config"
	run_counted "original build" "" kbuild "${targets[@]}" || die "$E_BUILD" "original kernel build failed"
	touch "$objdir/.complete"
}

# What kbuild builds in one directory: "y OBJ" for vmlinux, "m OBJ MODULE"
# for a module (MODULE: its path without .ko), "d SUBDIR" for the
# directories it descends into. Cached per tree.
dir_objects() { # DIR
	local dir=$1 cache
	cache=$objdir/.klp-objlist-v2/${dir//\//%}
	if [[ ! -f $cache ]]; then
		mkdir -p "$objdir/.klp-objlist-v2"
		if [[ -f $srcdir/$dir/Makefile || -f $srcdir/$dir/Kbuild ]]; then
			# Up to 6.9 src is relative to srctree; from 6.10 Makefile.build
			# sets it to $(VPATH)/$(obj) itself.
			local -a where=(src="$dir")
			grep -q '^src := .*VPATH' "$srcdir/scripts/Makefile.build" && where=(VPATH="$srcdir")
			make -s -C "$objdir" -f "$srcdir/scripts/Makefile.build" -f "$OBJLIST_MK" \
				srctree="$srcdir" obj="$dir" "${where[@]}" klp-objlist >"$cache.$$" 2>>"$LOG" || : >"$cache.$$"
		else
			: >"$cache.$$"
		fi
		mv "$cache.$$" "$cache"
	fi
	cat "$cache"
}

# Objects with their parents, "OBJ vmlinux" or "OBJ MODULE", for those of
# OBJ... (one per line on stdin, relative to the tree) that the config
# builds. The Makefile that lists an object may be its directory's or an
# ancestor's (mlx5's core/Makefile lists en/*.o), and the config may never
# descend into a directory whose Makefile lists it (drivers/pinctrl/
# without CONFIG_PINCTRL): objects-parents.awk decides, in one pass over
# the lists of the objects' directories and their ancestors, for the
# includers of a header the whole kernel includes (some twenty thousand
# files) as for one object.
objects_parents() {
	local o dir
	local -A dirs=()
	local -a objs=() lists=()
	while read -r o; do
		objs+=("$o")
		dir=$o
		while [[ $dir == */* ]]; do
			dir=${dir%/*}
			[[ -z ${dirs[$dir]:-} ]] || break
			dirs[$dir]=1
		done
	done
	[[ ${#objs[@]} -gt 0 ]] || return 0
	for dir in "${!dirs[@]}"; do
		lists+=("$objdir/.klp-objlist-v2/${dir//\//%}")
		[[ -f ${lists[-1]} ]] || dir_objects "$dir" >/dev/null
	done
	printf '%s\n' "${objs[@]}" | LC_ALL=C awk -f "$LIB_DIR/objects-parents.awk" - "${lists[@]}" | LC_ALL=C sort
}

object_parent() { # OBJ
	echo "$1" | objects_parents
}

# The same for the objects source files (.c or .S) compile to.
object_of_source() { # FILE
	object_parent "${1%.*}.o"
}
objects_of_sources() { # < FILE lines
	sed -E 's/\.[^./]*$/.o/' | objects_parents
}

# The #include index of a source lives in the cache, never in the source.
include_index() {
	mkdir -p "$KLP_CACHE/src"
	echo "$KLP_CACHE/src/includes-$(sha256sum <<<"$srcdir" | cut -c1-12)"
}

# The #include index of the tree DIR into OUT: "FILE INCLUDE" for each
# #include line of every C, header and assembly file that x86 can build,
# then "F FILE" for each of those files.
write_include_index() { # DIR OUT
	(
		cd "$1" && {
			find . \( -path ./arch -o -path ./tools -o -path ./Documentation -o -path ./samples \
				-o -path ./scripts -o -path ./usr \) -prune -o -name '*.[chS]' -print
			find ./arch/x86 -name '*.[chS]' -print
		}
	) 2>/dev/null | sort -u >"$2.files"
	(cd "$1" && LC_ALL=C xargs -r -a "$2.files" grep -HoE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]+[>"]' ) |
		LC_ALL=C sed -nE 's|^\./([^:]*):.*[<"]([^>"]+)[>"]$|\1 \2|p' >"$2.$$" || true
	sed 's|^\./|F |' "$2.files" >>"$2.$$"
	rm -f "$2.files"
	mv "$2.$$" "$2"
}

# The #include index of the source (made once). Its path.
indexed_includes() {
	local index
	index=$(include_index)
	if [[ ! -s $index ]]; then
		progress "indexing #include lines of $srcdir (once per source)" >&2
		write_include_index "$srcdir" "$index"
	fi
	echo "$index"
}

# The source files that include FILE, directly or through other headers:
# a superset, from the #include lines of the tree (indexed once per source).
# An include matches a file when it resolves against the includer's
# directory or is a path suffix of it (<linux/x.h>, "x.h" through -I).
includers_of() { # FILE...
	local index
	index=$(indexed_includes)
	printf '%s\n' "$@" | LC_ALL=C awk -f "$LIB_DIR/include-paths.awk" -f "$LIB_DIR/includers.awk" - "$index"
}

# Fills $tmp/objects ("OBJ PARENT" lines) with what the touched files compile
# to. Returns 1 when only a full build can tell (a Makefile, Kconfig, or a
# header reaching more than --max-objects objects, where one is given), with the reason in
# $full_build_why.
full_build_why=''
select_objects() {
	local f o sources=() headers=()
	: >"$tmp/objects"
	while read -r f; do
		case $f in
		*.c | *.S)
			o=$(object_of_source "$f")
			if [[ -n $o ]]; then echo "$o" >>"$tmp/objects"; else headers+=("$f"); fi ;;
		*.h | *.inc) headers+=("$f") ;;
		*)
			full_build_why="$f is not C or a header"
			progress "  $full_build_why: a full build is needed"
			return 1 ;;
		esac
	done <"$tmp/touched"
	if [[ ${#headers[@]} -gt 0 ]]; then
		mapfile -t sources < <(includers_of "${headers[@]}")
		# C includers are narrowed to those the patches change after
		# preprocessing; assembly is rebuilt.
		printf '%s\n' "${sources[@]}" | awk '/\.c$/' | objects_of_sources >"$tmp/includers"
		printf '%s\n' "${sources[@]}" | awk '!/\.c$/' | objects_of_sources >>"$tmp/objects"
		sort -u "$tmp/objects" -o "$tmp/objects"
		# (the objects of patched .c files are built anyway)
		awk 'FILENAME == ARGV[1] { built[$1] = 1; next } !built[$1]++' "$tmp/objects" "$tmp/includers" >"$tmp/includers.new"
		mv "$tmp/includers.new" "$tmp/includers"
		progress "  ${headers[*]}: included by ${#sources[@]} source files, $(($(wc -l <"$tmp/objects") + $(wc -l <"$tmp/includers"))) objects in this config"
		if [[ -s $tmp/includers ]]; then
			narrow_includers "$tmp/includers" >>"$tmp/objects"
			[[ -s $tmp/objects ]] ||
				die "$E_DIFF" "the patches change no object: ${headers[*]} change the preprocessed source of none of their includers in this config"
		fi
		# No limit unless given: the objects a targeted build compiles
		# are a subset of what a full build compiles (all of the
		# original, then every includer again); only the preprocessing
		# above is extra, about half a compile per includer.
		if [[ -n $max_objects && $(wc -l <"$tmp/objects") -gt $max_objects ]]; then
			full_build_why="${headers[*]} reach $(wc -l <"$tmp/objects") objects, more than --max-objects $max_objects"
			progress "  more than --max-objects $max_objects objects: a full build is needed"
			return 1
		fi
	fi
	sort -u "$tmp/objects" -o "$tmp/objects"
	while read -r f; do
		grep -q "^${f%.*}\.o " "$tmp/objects" 2>/dev/null && continue
		[[ $f == *.[cS] ]] && progress "  note: $f is not built by this config; its changes are ignored"
	done <"$tmp/touched"
	[[ -s $tmp/objects ]] || die "$E_DIFF" "no object of this config is built from the patched files (not compiled in $config?)"
	return 0
}

# The objects of $tmp/objects, by the recorded recursion (submake.sh) where
# it is right, else by the top Makefile, which also runs prepare: for a
# patched build whose patches reach what prepare reads, and after one.
build_targeted() { # WHAT [patched]
	local objs
	mapfile -t objs < <(cut -d' ' -f1 "$tmp/objects")
	build_objects "$1" "${2:-original}" "${objs[@]}"
}

# OBJ... in the prepared tree, as build_targeted says; also the original
# objects that call a function reached through its callers (callers.sh).
build_objects() { # WHAT original|patched OBJ...
	local what=$1 kind=$2
	shift 2
	if [[ $kind == patched ]] && patches_reach_prepare; then
		progress "  the patches reach what prepare reads: building through the top Makefile"
		touch "$objdir/.klp-prepare-stale"
		run_counted "$what" "$#" kbuild "$@"
	elif submake_usable; then
		run_counted "$what" "$#" replay_submake "$@"
	else
		run_counted "$what" "$#" kbuild "$@" || return
		[[ $kind == patched ]] || rm -f "$objdir/.klp-prepare-stale"
	fi
}
