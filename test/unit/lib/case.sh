# shellcheck shell=bash
# Preparing one unit case's inputs and judging one create-diff-object run.

# prepare_case NAME: compiles orig/patched/parent into $WORK/NAME/, writes
# the SYMTAB and SYMVERS files. Needs parse_expect done for the case.
prepare_case() {
	local name=$1 dir=$WORK/$1 src=$UNIT/cases/$1 item i=0
	local -a objs=()
	rm -rf "$dir"
	mkdir -p "$dir"
	compile_obj "$src/orig.c" "$dir/orig" obj "${E_CFLAGS[@]}" || return 1
	compile_obj "$src/patched.c" "$dir/patched" obj "${E_CFLAGS[@]}" || return 1
	if ((${#E_OBJECT[@]})); then
		link_object "$src" "$dir/orig" orig || return 1
		link_object "$src" "$dir/patched" patched || return 1
	fi
	for item in "${E_LINK[@]}"; do
		i=$((i + 1))
		case $item in
		@) objs+=("$dir/orig/obj.o") ;;
		kernel) compile_obj "$UNIT/include/fake-kernel.c" "$dir/link$i" fake-kernel &&
			objs+=("$dir/link$i/fake-kernel.o") ;;
		*:*) compile_obj "$src/${item%%:*}" "$dir/link$i" "${item#*:}" &&
			objs+=("$dir/link$i/${item#*:}.o") ;;
		*) compile_obj "$src/$item" "$dir/link$i" "${item%.c}" &&
			objs+=("$dir/link$i/${item%.c}.o") ;;
		esac || return 1
	done
	case $E_PARENT_LINK in
	# a fully linked image with addresses, as vmlinux is
	exec) ld -e 0 --unresolved-symbols=ignore-all -o "$dir/parent.o" "${objs[@]}" ;;
	*) ld -r -o "$dir/parent.o" "${objs[@]}" ;;
	esac || return 1
	case $E_SYMTAB in
	elf) SYMTAB=$dir/parent.o ;;
	# kpatch's way of running the differ alone: the original object's own table
	object) readelf -s --wide "$dir/orig/obj.o" >"$dir/symtab.txt" && SYMTAB=$dir/symtab.txt ;;
	*) readelf -s --wide "$dir/parent.o" >"$dir/symtab.txt" && SYMTAB=$dir/symtab.txt ;;
	esac
	make_symvers "$dir/Module.symvers" "${E_EXPORTS[@]}"
	case $E_SYMVERS in
	null) SYMVERS=/dev/null ;;
	*) SYMVERS=$dir/Module.symvers ;;
	esac
}

# link_object SRC DIR SIDE: DIR/obj.o becomes `ld -r` of itself and the
# `object` sources, as a kernel object linked from several sources (one
# FILE block each); `%` in a source's name is SIDE (orig, patched).
link_object() {
	local src=$1 dir=$2 side=$3 item file
	local -a parts=("$dir/obj.o")
	for item in "${E_OBJECT[@]}"; do
		file=${item%%:*}
		compile_obj "$src/${file//%/$side}" "$dir/parts" "${item#*:}" "${E_CFLAGS[@]}" || return 1
		parts+=("$dir/parts/${item#*:}.o")
	done
	ld -r -o "$dir/linked.o" "${parts[@]}" && mv "$dir/linked.o" "$dir/obj.o"
}

# run_cdo NAME LABEL BINARY [WRAPPER...]: runs the tool into $WORK/NAME/LABEL/;
# leaves rc, stdout, stderr there.
run_cdo() {
	local name=$1 label=$2 bin=$3 dir=$WORK/$1 rc=0
	shift 3
	local out=$dir/$label
	rm -rf "$out"
	mkdir -p "$out/o"
	env "${E_ENV[@]}" timeout 120 "$@" "$bin" "${E_ARGS[@]}" "$dir/orig/obj.o" "$dir/patched/obj.o" \
		"$E_PARENT" "$SYMTAB" "$SYMVERS" "livepatch_${name//-/_}" \
		"$out/o/output.o" >"$out/stdout" 2>"$out/stderr" || rc=$?
	echo "$rc" >"$out/rc"
}

# judge NAME LABEL: prints nothing and returns 0 if the run met the case's
# expectations, else prints what differed.
judge() {
	local dir=$WORK/$1/$2 rc files
	rc=$(<"$dir/rc")
	if ((rc >= 124)); then
		echo "crashed or timed out (exit $rc): $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
		return 1
	fi
	# ASan/UBSan reports, and valgrind's (==PID== lines; exit 99 on error)
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr"; then
		echo "sanitizer/valgrind report: $(grep -m3 -E 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr" | tr '\n' ' ')"
		return 1
	fi
	if [[ $rc != "$E_EXIT" ]]; then
		echo "expected exit $E_EXIT, got $rc: $(head -c 300 "$dir/stderr" | tr '\n' ' ')"
		return 1
	fi
	files=$(cd "$dir/o" && find . -mindepth 1 | sort | tr '\n' ' ')
	if ((rc == 0)); then
		if [[ $files != "./output.o " ]]; then
			echo "expected only output.o to be written, found: ${files:-nothing}"
			return 1
		fi
		if ! "$LPDUMP" "$dir/o/output.o" >"$dir/dump" 2>"$dir/dump.err"; then
			echo "lpdump cannot read the output: $(head -c 200 "$dir/dump.err")"
			return 1
		fi
		valid_object "$dir/o/output.o" || return 1
	elif [[ -n $files ]]; then
		echo "exit $rc but files were left behind: $files"
		return 1
	elif ((rc != 3)) && [[ ! -s $dir/stderr ]]; then
		echo "exit $rc with no reason on stderr"
		return 1
	fi
	check_expectations "$dir/dump" "$dir/stderr"
}

# valid_object FILE: binutils read it without complaint and can link it.
valid_object() {
	local msg
	msg=$(readelf -a -W "$1" 2>&1 >/dev/null)
	if [[ -n $msg ]]; then
		echo "readelf complains about the output: $(head -c 300 <<<"$msg" | tr '\n' ' ')"
		return 1
	fi
	if ! msg=$(ld -r -o "${1%.o}.linked" "$1" 2>&1); then
		echo "ld -r rejects the output: $(head -c 300 <<<"$msg" | tr '\n' ' ')"
		return 1
	fi
	rm -f "${1%.o}.linked"
}
