# kpatch-build: building single objects in a prepared tree without the top
# Makefile. "make DIR/X.o" spends 3 to 8 s before it compiles anything: it
# probes the compiler's options (dozens of compiler runs), descends into
# objtool and runs prepare. In a prepared tree all of that comes out the
# same every time; what reaches the objects is one recursive call,
# "$(MAKE) -f scripts/Makefile.build obj=. ... ./DIR/X.o", with the
# variables the top Makefile exports. That call is recorded once per tree
# (make runs with MAKE set to a recorder) and replayed with the objects as
# goals: the flags are kbuild's to the byte, and kbuild's own .cmd checks
# decide what to recompile. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

SUBMAKE_PROBE=klp-probe.o

submake_record() { echo "$objdir/.klp-submake-v1"; }

# Records the recursion for the probe goal once per tree.
record_submake() {
	local rec out=$tmp/submake n=0 a
	rec=$(submake_record)
	[[ -f $rec.args || -f $rec.none ]] && return 0
	env -0 >"$out.base"
	KLP_SUBMAKE_OUT=$out run kbuild MAKE="$SUBMAKE_RECORDER" "$SUBMAKE_PROBE" || true
	if [[ -f $out.args ]]; then
		while IFS= read -r -d '' a; do [[ $a == "./$SUBMAKE_PROBE" ]] && n=$((n + 1)); done <"$out.args"
	fi
	if [[ $n -ne 1 ]]; then
		# This kernel's Makefile does not recurse that way: every build
		# goes through the top Makefile.
		echo "kpatch-build: kbuild's recursion for $SUBMAKE_PROBE not found; single objects are built by the top Makefile" >>"$LOG"
		touch "$rec.none"
		return 0
	fi
	env_delta "$out.base" "$out.env" >"$rec.env.$$" && mv "$rec.env.$$" "$rec.env"
	list_prepare_inputs >"$rec.inputs.$$" && mv "$rec.inputs.$$" "$rec.inputs"
	cp "$out.args" "$rec.args.$$" && mv "$rec.args.$$" "$rec.args"
	rm -f "$out".*
}

# The environment a recorded call ran in, as env(1) arguments on top of
# ours: what kbuild unexported, then what it set or changed, without the
# jobserver and the recorder itself.
env_delta() { # BASE-ENV CALL-ENV (both env -0)
	local v name
	local -A before=() now=()
	while IFS= read -r -d '' v; do before[$v]=1; done <"$1"
	while IFS= read -r -d '' v; do now[${v%%=*}]=1; done <"$2"
	for v in "${!before[@]}"; do
		name=${v%%=*}
		[[ -n ${now[$name]:-} ]] || printf -- '-u\0%s\0' "$name"
	done
	while IFS= read -r -d '' v; do
		name=${v%%=*}
		[[ -z ${before[$v]:-} ]] || continue
		case $name in
		MAKE | KLP_SUBMAKE_* | _ | PWD | OLDPWD | SHLVL) continue ;;
		MAKEFLAGS | MFLAGS) v=$(clean_makeflags "$v") ;;
		esac
		printf '%s\0' "$v"
	done <"$2"
}

# MAKEFLAGS as recorded, less the job count, the jobserver of the recording
# run and MAKE=recorder. Words are split on spaces; a value's escaped
# spaces ("\ ") split it too, and joining puts it back as it was.
clean_makeflags() { # NAME=VALUE
	local w words kept=() vars=0
	read -r -a words <<<"${1#*=}"
	for w in "${words[@]}"; do
		if [[ $vars -eq 0 ]]; then
			[[ $w == -- ]] && vars=1
			case $w in -j* | --jobserver-auth=* | --jobserver-fds=*) continue ;; esac
		elif [[ $w == "MAKE=$SUBMAKE_RECORDER" ]]; then
			continue
		fi
		kept+=("$w")
	done
	echo "${1%%=*}=${kept[*]}"
}

# What prepare reads to make the generated headers (asm-offsets, bounds,
# syscall tables: the deps of its .s and .h targets), relative to the source.
list_prepare_inputs() {
	find "$objdir" \( -name '.*.s.cmd' -o -name '.*.h.cmd' \) -print0 | xargs -0 -r cat |
		awk -v src="$srcdir/" '
			{ sub(/^[ \t]+/, ""); sub(/[ \t]*\\$/, ""); sub(/^source_[^ ]* := /, "") }
			index($0, src) == 1 { print substr($0, length(src) + 1) }' | sort -u
}

# Whether the patches touch what prepare reads, or the tools and scripts
# that the build runs: then prepare must run on the patched source.
patches_reach_prepare() {
	local rec
	rec=$(submake_record)
	grep -qE '^(scripts|tools|usr|arch/x86/(realmode|tools))/' "$tmp/touched" && return 0
	[[ -f $rec.inputs ]] && grep -qFx -f "$tmp/touched" "$rec.inputs"
}

# The replay is right only while the tree's generated files are those of
# the source as it is: a build that ran prepare on a patched source leaves
# .klp-prepare-stale until a build through the top Makefile redoes it.
submake_usable() {
	local rec
	rec=$(submake_record)
	[[ -f $rec.args && -f $rec.env && ! -e $objdir/.klp-prepare-stale ]]
}

replay_submake() { # OBJ...
	local rec a args=()
	rec=$(submake_record)
	while IFS= read -r -d '' a; do
		if [[ $a == "./$SUBMAKE_PROBE" ]]; then args+=("${@/#/./}"); else args+=("$a"); fi
	done <"$rec.args"
	replay_call "$rec.env" "${args[@]}"
}

replay_call() { # ENV-FILE ARG...
	local envargs=()
	mapfile -d '' -t envargs <"$1"
	shift
	(cd "$objdir" && env "${envargs[@]}" make -j"$jobs" "${make_options[@]}" "$@")
}

# The patch module is built the same way. Its directory is the same for
# every build in a tree ($objdir/klp-module; builds in a tree take turns,
# under the source's lock), so the calls that "make M=DIR modules" makes
# (compile, modpost, final link) are recorded once, while the first module
# is built through the top Makefile, and replayed in order for the next.
# (The top Makefile's own recipes in between only compare compiler
# versions and check modules.order for duplicate names: nothing that
# changes a module, and the test suite checks that both ways give the
# same module.)
module_record() { echo "$objdir/.klp-modbuild-v1"; }

make_module() { # DIR
	local rec out=$tmp/modbuild i n
	rec=$(module_record)
	if [[ -f $rec.count ]]; then
		n=$(<"$rec.count")
		for ((i = 0; i < n; i++)); do
			local args=()
			mapfile -d '' -t args <"$rec.$i.args"
			replay_call "$rec.$i.env" "${args[@]}" || return
		done
		return 0
	fi
	env -0 >"$out.base"
	KLP_SUBMAKE_OUT=$out KLP_SUBMAKE_TRACE=$((${MAKELEVEL:-0} + 1)) \
		make -C "$objdir" M="$1" CC="$KPATCH_CC" KERNELRELEASE="$kver" -j"$jobs" MAKE="$SUBMAKE_RECORDER" modules || return
	n=$(find "$tmp" -maxdepth 1 -name 'modbuild.*.args' | wc -l)
	for ((i = 0; i < n; i++)); do
		[[ -f $out.$i.args && -f $out.$i.env ]] || return 0 # not as expected: nothing recorded
		env_delta "$out.base" "$out.$i.env" >"$rec.$i.env"
		cp "$out.$i.args" "$rec.$i.args"
	done
	[[ $n -eq 0 ]] || echo "$n" >"$rec.count"
	rm -f "$out".*
}
