# shellcheck shell=bash
# Hostile inputs (issue 10) for create-diff-object and create-klp-module:
# each is made at run time by lib/elfmangle.py from an object just compiled
# (hostile/orig.c, hostile/patched.c) or from create-diff-object's output of
# that pair (the create-klp-module input). Every run must end with the
# expected exit code, a message naming the file and the field, no crash, no
# sanitizer report and nothing left in the output directory.

MANGLE=$UNIT/lib/elfmangle.py

# One row per hostile object given to create-diff-object (as ORIG, and again
# as PATCHED): name | how it is made from the base object | expected exit |
# text stderr must contain (when the exit is not 0). "zdebug" is a separate
# compile (-gz=zlib-gnu); an exit "A/B" is A as ORIG, B as PATCHED.
HOSTILE_CDO=(
	"empty-name-local-object|sym-empty-name OBJECT|1|symbol 4: a local OBJECT without a name"
	"addralign-2e38|shdr .text.changed addralign 0x4000000000|1|.text.changed: sh_addralign 0x4000000000"
	"addralign-2e40|shdr .bss.counter addralign 0x10000000000|1|.bss.counter: sh_addralign 0x10000000000"
	"addralign-not-power-of-two|shdr .text.changed addralign 24|1|.text.changed: sh_addralign 0x18"
	"shdr-table-unaligned|shdr-unaligned|0|"
	"big-endian|ehdr data 2|1|ELF header: byte order: big-endian"
	"machine-aarch64|ehdr machine 183|1|ELF header: machine 183 (aarch64)"
	"linked-executable|ehdr type 2|1|ELF header: type ET_EXEC"
	"strtab-nobits|shdr .strtab type NOBITS|1|.strtab: SHT_NOBITS"
	"symtab-nobits|shdr .symtab type NOBITS|1|no symbol table"
	"text-size-past-file|shdr .text.changed size 0x100000|1|.text.changed: sh_offset"
	"zdebug-compressed|zdebug|1|.zdebug_info: zlib-gnu compressed"
	# found by fuzz/ (cdo-patched): libelf refused to write it, no field named
	"entsize-not-dividing-size|shdr .text.changed entsize 0xf1000000000000|1|.text.changed: sh_entsize 0xf1000000000000"
	# found by fuzz/ (cdo-orig): UBSan, signed overflow adding to the addend
	"reloc-addend-int64-max|rela-addend .rela.text.changed 0x7ffffffffffffffc|0/2|changed: references .bss.calls.0+0x7ffffffffffffffc"
)

# The same for create-klp-module, from create-diff-object's output.
HOSTILE_KLP=(
	"strtab-nobits|shdr .strtab type NOBITS|1|.strtab: SHT_NOBITS"
	"strings-nobits|shdr .livepatch.strings type NOBITS|1|.livepatch.strings: SHT_NOBITS"
	"relocs-nobits|shdr .livepatch.relocs type NOBITS|1|.livepatch.relocs: SHT_NOBITS"
	"addralign-2e38|shdr .livepatch.funcs addralign 0x4000000000|1|.livepatch.funcs: sh_addralign 0x4000000000"
	"addralign-2e40|shdr .text.changed addralign 0x10000000000|1|.text.changed: sh_addralign 0x10000000000"
	"big-endian|ehdr data 2|1|ELF header: byte order: big-endian"
	"machine-aarch64|ehdr machine 183|1|ELF header: machine 183 (aarch64)"
	"linked-executable|ehdr type 2|1|ELF header: type ET_EXEC"
	"symtab-bad-strtab-link|shdr .symtab link 0x999|1|.symtab: sh_link"
	"relocs-rela-bad-symtab|shdr .rela.livepatch.relocs link 0|1|.rela.livepatch.relocs: sh_link"
	"shdr-table-unaligned|shdr-unaligned|0|"
	"entsize-not-dividing-size|shdr .text.changed entsize 0xf1000000000000|1|.text.changed: sh_entsize 0xf1000000000000"
	# found by fuzz/ (klp): UBSan, memcpy from the NULL data of an empty table
	"symtab-empty|shdr .symtab size 0|1|.symtab: sh_size 0"
)

# hostile_check LABEL RC_WANT TEXT DIR: judge a run that left its exit code,
# stderr and output directory in DIR.
hostile_check() {
	local label=$1 want=$2 text=$3 dir=$4 rc why=""
	rc=$(<"$dir/rc")
	if ((rc >= 124)); then
		why="crashed or timed out (exit $rc): $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
	elif grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr"; then
		why="sanitizer report: $(grep -m3 -E 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr" | tr '\n' ' ')"
	elif [[ $rc != "$want" ]]; then
		why="expected exit $want, got $rc: $(head -c 300 "$dir/stderr" | tr '\n' ' ')"
	elif [[ -n $text ]] && ! grep -qF -- "$text" "$dir/stderr"; then
		why="expected the message to say '$text', saw: $(head -c 300 "$dir/stderr" | tr '\n' ' ')"
	elif ((want != 0)) && [[ -n $(find "$dir/o" -mindepth 1) ]]; then
		why="files left behind: $(find "$dir/o" -mindepth 1 -printf "%f ")"
	elif ((want == 0)) && [[ $(find "$dir/o" -mindepth 1 -printf "%f\n") != out.o ]]; then
		why="expected exactly out.o, found: $(find "$dir/o" -mindepth 1 -printf "%f ")"
	fi
	if [[ -n $why ]]; then
		t_fail "$label" "$why"
	else
		t_pass "$label"
	fi
}

# hostile_exec DIR COMMAND...: run into DIR (rc, stderr, o/), with files
# limited to 64 MiB (an oversized output is killed by SIGXFSZ, exit 153).
hostile_exec() {
	local dir=$1 rc=0
	shift
	rm -rf "$dir" && mkdir -p "$dir/o"
	# (the outer braces keep bash's "Segmentation fault" notices out of the log)
	{ (ulimit -f 131072 && exec timeout 60 "$@") >"$dir/stdout" 2>"$dir/stderr"; } 2>/dev/null || rc=$?
	echo "$rc" >"$dir/rc"
}

# make_hostile ROW_OP BASE OUT [SIDE]: apply a row's recipe to a copy of
# BASE (zdebug: compile SIDE's source with zlib-gnu compressed debug info).
make_hostile() {
	local op=$1 base=$2 out=$3 side=${4:-orig}
	if [[ $op == zdebug ]]; then
		compile_obj "$UNIT/hostile/$side.c" "$WORK/hostile/zdebug-$side" obj -g -gz=zlib-gnu &&
			cp "$WORK/hostile/zdebug-$side/obj.o" "$out"
		return
	fi
	cp "$base" "$out"
	# shellcheck disable=SC2086 # op is the mangler's arguments
	python3 "$MANGLE" "$out" $op
}

prepare_hostile() {
	local h=$WORK/hostile
	rm -rf "$h" && mkdir -p "$h"
	compile_obj "$UNIT/hostile/orig.c" "$h/orig" obj &&
		compile_obj "$UNIT/hostile/patched.c" "$h/patched" obj &&
		compile_obj "$UNIT/include/fake-kernel.c" "$h/kernel" fake-kernel &&
		ld -r -o "$h/parent.o" "$h/orig/obj.o" "$h/kernel/fake-kernel.o" &&
		readelf -s -W "$h/parent.o" >"$h/symtab.txt" &&
		make_symvers "$h/Module.symvers" ext_exported
}

# cdo_args ORIG PATCHED OUT: the full argument list for the hostile pair.
cdo_args() {
	local h=$WORK/hostile
	printf '%s\n' "$1" "$2" vmlinux "$h/symtab.txt" "$h/Module.symvers" livepatch_hostile "$3"
}

run_hostile_cdo() {
	local h=$WORK/hostile row name op want text label bin missing side dir rc
	local -a args
	for row in "${HOSTILE_CDO[@]}"; do
		IFS='|' read -r name op want text <<<"$row"
		for side in orig patched; do
			make_hostile "$op" "$h/$side/obj.o" "$h/$side-$name.o" "$side" >"$WORK/err" 2>&1 ||
				t_fail "unit-hostile/$name-$side" "could not make the input: $(head -c 300 "$WORK/err")"
		done
	done
	for label in unit-hostile unit-hostile-san; do
		bin=$CDO missing=$NO_CDO
		[[ $label == unit-hostile ]] || bin=$CDO_SAN missing=$NO_SAN
		for row in "${HOSTILE_CDO[@]}" "directory|dir|1|is a directory"; do
			IFS='|' read -r name op want text <<<"$row"
			for side in orig patched; do
				if [[ -n $missing ]]; then
					t_skip "$label/$name-$side" "create-diff-object $missing"
					continue
				fi
				[[ -e $h/$side-$name.o ]] || mkdir -p "$h/$side-$name.o"
				dir=$h/run/$label-$name-$side
				if [[ $side == orig ]]; then
					mapfile -t args < <(cdo_args "$h/$side-$name.o" "$h/patched/obj.o" "$dir/o/out.o")
				else
					mapfile -t args < <(cdo_args "$h/orig/obj.o" "$h/$side-$name.o" "$dir/o/out.o")
				fi
				hostile_exec "$dir" "$bin" "${args[@]}"
				rc=${want%/*}
				[[ $side == orig ]] || rc=${want#*/}
				if ((rc == 0)); then
					hostile_check "$label/$name-$side" 0 "" "$dir"
				else
					hostile_check "$label/$name-$side" "$rc" "${text:+$side-$name.o: $text}" "$dir"
				fi
			done
		done
	done
}

# The create-klp-module input: create-diff-object's output of the pair.
prepare_klp_base() {
	local h=$WORK/hostile
	mapfile -t args < <(cdo_args "$h/orig/obj.o" "$h/patched/obj.o" "$h/klp-base.o")
	"$CDO" "${args[@]}" && readelf -S -W "$h/klp-base.o" | grep -q '\.livepatch\.relocs'
}

run_hostile_klp() {
	local h=$WORK/hostile row name op want text label bin missing dir
	if [[ -n $NO_CDO ]] || ! prepare_klp_base >"$WORK/err" 2>&1; then
		t_fail "unit-klp/inputs" "no create-diff-object output with .livepatch.relocs: ${NO_CDO:-$(head -c 300 "$WORK/err")}"
		return
	fi
	for row in "${HOSTILE_KLP[@]}"; do
		IFS='|' read -r name op want text <<<"$row"
		make_hostile "$op" "$h/klp-base.o" "$h/klp-$name.o" >"$WORK/err" 2>&1 ||
			{ t_fail "unit-klp/$name" "could not make the input: $(head -c 300 "$WORK/err")"; continue; }
	done
	mkdir -p "$h/klp-directory.o"
	for label in unit-klp unit-klp-san; do
		bin=$KLP missing=$NO_CDO
		[[ $label == unit-klp ]] || bin=$KLP_SAN missing=$NO_SAN
		for row in "undamaged|-|0|" "${HOSTILE_KLP[@]}" "directory|dir|1|is a directory"; do
			IFS='|' read -r name op want text <<<"$row"
			if [[ -n $missing ]]; then
				t_skip "$label/$name" "create-klp-module $missing"
				continue
			fi
			[[ $name != undamaged ]] || cp "$h/klp-base.o" "$h/klp-undamaged.o"
			dir=$h/run/$label-$name
			hostile_exec "$dir" "$bin" "$h/klp-$name.o" "$dir/o/out.o"
			hostile_check "$label/$name" "$want" "${text:+klp-$name.o: $text}" "$dir"
		done
	done
	klp_placeholders_dropped "$h/klp-base.o" "$h/run/unit-klp-undamaged/o/out.o"
}

# The code sites of livepatch relocations come with relocations to
# __klp_placeholder (for objtool); the module create-klp-module writes has
# the .klp.rela relocations and none of those.
klp_placeholders_dropped() { # IN OUT
	local before after klp
	before=$(readelf -rW "$1" | grep -c '__klp_placeholder' || true)
	after=$(readelf -rW "$2" 2>/dev/null | grep -c '__klp_placeholder' || true)
	klp=$(readelf -rW "$2" 2>/dev/null | grep -c '\.klp\.sym\.' || true)
	if ((before > 0 && after == 0 && klp >= before)); then
		t_pass unit-klp/placeholder-relocations-dropped
	else
		t_fail unit-klp/placeholder-relocations-dropped "$before placeholder relocations in, $after out, $klp .klp.sym relocations out ($2)"
	fi
}

# A run stopped by a signal while writing (here SIGXFSZ: the file size limit
# is reached) leaves no temporary file behind.
run_signal_debris() {
	local h=$WORK/hostile dir bin label rc
	local -a args
	for label in cdo klp; do
		dir=$h/run/signal-$label
		rm -rf "$dir" && mkdir -p "$dir/o"
		if [[ $label == cdo ]]; then
			mapfile -t args < <(cdo_args "$h/orig/obj.o" "$h/patched/obj.o" "$dir/o/out.o")
			bin=$CDO
		else
			args=("$h/klp-base.o" "$dir/o/out.o")
			bin=$KLP
		fi
		rc=0
		{ (ulimit -f 1 && exec "$bin" "${args[@]}") >"$dir/stdout" 2>"$dir/stderr"; } 2>/dev/null || rc=$?
		if ((rc == 0)); then
			t_fail "unit-debris/$label-killed-while-writing" "exit 0 with a 1 KiB file size limit"
		elif [[ -n $(find "$dir/o" -mindepth 1) ]]; then
			t_fail "unit-debris/$label-killed-while-writing" "exit $rc left: $(find "$dir/o" -mindepth 1 -printf "%f ")"
		else
			t_pass "unit-debris/$label-killed-while-writing"
		fi
	done
}

run_hostile_checks() {
	if ! prepare_hostile >"$WORK/err" 2>&1; then
		t_fail "unit-hostile/inputs" "could not build the base pair: $(head -c 300 "$WORK/err")"
		return
	fi
	run_hostile_cdo
	run_hostile_klp
	run_signal_debris
}
