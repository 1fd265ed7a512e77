# shellcheck shell=bash
# Command-line checks and corrupt-input checks: every one must end in a clear
# error (exit 1, a message naming the input), never a crash or a sanitizer
# report, and must leave no output behind.

# le VALUE BYTES: VALUE as BYTES little-endian bytes, in printf escapes.
le() {
	local v=$1 n=$2 i out=""
	for ((i = 0; i < n; i++)); do
		out+=$(printf '\\x%02x' $(((v >> (8 * i)) & 0xff)))
	done
	printf '%s' "$out"
}

# poke FILE OFFSET BYTES VALUE: overwrite a little-endian field in place.
poke() {
	# shellcheck disable=SC2059 # the format is the escaped bytes
	printf "$(le "$4" "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

u64_at() { od -An -t u8 -j "$2" -N 8 "$1" | tr -d ' '; }

# shdr FILE NAME: file offset of section NAME's header.
shdr() {
	local idx
	idx=$(readelf -S -W "$1" | sed -n "s/^ *\[ *\([0-9]*\)\] $2 .*/\1/p" | head -1)
	echo $(($(u64_at "$1" 40) + 64 * idx))
}

# sec_off FILE NAME: file offset of section NAME's data.
sec_off() { u64_at "$1" $(($(shdr "$1" "$2") + 24)); }

# first_sym FILE TYPE: index of the first symbol of TYPE (FUNC, OBJECT).
first_sym() { readelf -s -W "$1" | awk -v t="$2" '$4 == t { sub(":", "", $1); print $1; exit }'; }

# One row per corruption: name and the function that makes it from base.o.
CORRUPTIONS=(
	"empty truncate -s 0"
	"trunc-ident truncate -s 10"
	"trunc-header truncate -s 40"
	"trunc-header-only truncate -s 64"
	"trunc-half c_half"
	"trunc-in-shdrs c_trunc_shdrs"
	"bad-magic c_magic"
	"elfclass32 c_class"
	"machine-arm c_machine"
	"not-relocatable c_type"
	"shoff-past-end c_shoff"
	"shnum-huge c_shnum"
	"shstrndx-past-end c_shstrndx"
	"symtab-offset-past-end c_symtab_off"
	"symtab-size-huge c_symtab_size"
	"symtab-bad-strtab-link c_symtab_link"
	"symbol-name-past-strtab c_sym_name"
	"symbol-section-past-end c_sym_shndx"
	"rela-symbol-past-end c_rela_sym"
	"rela-offset-past-section c_rela_off"
	"rela-target-past-end c_rela_info"
	"rela-link-not-symtab c_rela_link"
	"symtab-entsize-wrong c_symtab_entsize"
	"strtab-unterminated c_strtab_tail"
	"section-name-past-shstrtab c_sec_name"
	"not-elf c_text"
)
c_half() { truncate -s $(($(stat -c %s "$1") / 2)) "$1"; }
c_trunc_shdrs() { truncate -s $(($(u64_at "$1" 40) + 100)) "$1"; }
c_magic() { poke "$1" 1 1 0x58; }
c_class() { poke "$1" 4 1 1; }
c_machine() { poke "$1" 18 2 40; }
c_type() { poke "$1" 16 2 2; }
c_shoff() { poke "$1" 40 8 0xfffffff00; }
c_shnum() { poke "$1" 60 2 0xfe00; }
c_shstrndx() { poke "$1" 62 2 0xfe00; }
c_symtab_off() { poke "$1" $(($(shdr "$1" .symtab) + 24)) 8 0x7fffff00; }
c_symtab_size() { poke "$1" $(($(shdr "$1" .symtab) + 32)) 8 0x7fffff00; }
c_symtab_link() { poke "$1" $(($(shdr "$1" .symtab) + 40)) 4 0x999; }
c_sym_name() { poke "$1" $(($(sec_off "$1" .symtab) + 24 * $(first_sym "$1" FUNC))) 4 0xffffff; }
c_sym_shndx() { poke "$1" $(($(sec_off "$1" .symtab) + 24 * $(first_sym "$1" FUNC) + 6)) 2 0xfe00; }
c_rela_sym() { poke "$1" $(($(sec_off "$1" .rela.text.changed) + 12)) 4 0xffffff; }
c_rela_off() { poke "$1" $(($(sec_off "$1" .rela.text.changed) + 24)) 8 0x100000; }
c_rela_info() { poke "$1" $(($(shdr "$1" .rela.text.changed) + 44)) 4 0x999; }
c_rela_link() { poke "$1" $(($(shdr "$1" .rela.text.changed) + 40)) 4 1; }
c_symtab_entsize() { poke "$1" $(($(shdr "$1" .symtab) + 56)) 8 7; }
c_strtab_tail() {
	local sh
	sh=$(shdr "$1" .strtab)
	poke "$1" $(($(u64_at "$1" $((sh + 24))) + $(u64_at "$1" $((sh + 32))) - 1)) 1 0x41
}
c_sec_name() { poke "$1" "$(shdr "$1" .text.changed)" 4 0xffffff; }
c_text() { echo "this is not an ELF object" >"$1"; }

# robust_run LABEL NAME ORIG PATCHED WANT_IN_STDERR COMMAND...
robust_run() {
	local label=$1 name=$2 orig=$3 patched=$4 want=$5 dir rc=0 why=""
	shift 5
	dir=$WORK/robust/$label-$name
	rm -rf "$dir" && mkdir -p "$dir/o"
	timeout 120 "$@" "$orig" "$patched" vmlinux "$WORK/robust/symtab.txt" "$WORK/robust/Module.symvers" \
		livepatch_robust "$dir/o/output.o" >"$dir/stdout" 2>"$dir/stderr" || rc=$?
	if ((rc >= 124)); then
		why="crashed or timed out (exit $rc): $(tail -c 300 "$dir/stderr" | tr '\n' ' ')"
	elif grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr"; then
		why="sanitizer/valgrind report: $(grep -m3 -E 'AddressSanitizer|LeakSanitizer|runtime error:|^==[0-9]+== ' "$dir/stderr" | tr '\n' ' ')"
	elif ((rc != 1)); then
		why="expected exit 1, got $rc: $(head -c 200 "$dir/stderr" | tr '\n' ' ')"
	elif ! grep -qF -- "$want" "$dir/stderr"; then
		why="expected the message to name '$want', saw: $(head -c 200 "$dir/stderr" | tr '\n' ' ')"
	elif [[ -n $(find "$dir/o" -mindepth 1) ]]; then
		why="files left behind: $(find "$dir/o" -mindepth 1 -printf "%f ")"
	fi
	if [[ -n $why ]]; then
		t_fail "$label/$name" "$why"
	else
		t_pass "$label/$name"
	fi
}

# The base pair: the changed-function-included case, compiled once.
prepare_robust() {
	local src=$UNIT/cases/changed-function-included
	rm -rf "$WORK/robust" && mkdir -p "$WORK/robust"
	# a valid pair (exit 0 uncorrupted), so exit 1 is the damage's doing
	compile_obj "$src/orig.c" "$WORK/robust/orig" obj &&
		compile_obj "$src/patched.c" "$WORK/robust/patched" obj &&
		compile_obj "$UNIT/include/fake-kernel.c" "$WORK/robust/kernel" fake-kernel &&
		ld -r -o "$WORK/robust/parent.o" "$WORK/robust/orig/obj.o" "$WORK/robust/kernel/fake-kernel.o" &&
		readelf -s -W "$WORK/robust/parent.o" >"$WORK/robust/symtab.txt" &&
		make_symvers "$WORK/robust/Module.symvers" ext_exported
}

run_robust_checks() {
	local row name fn label missing bad
	for row in "${CORRUPTIONS[@]}"; do
		read -r name fn <<<"$row"
		bad=$WORK/robust/corrupt-$name.o
		cp "$WORK/robust/orig/obj.o" "$bad"
		# shellcheck disable=SC2086 # fn holds a command and its arguments
		$fn "$bad"
	done
	local -a cmd
	# the undamaged pair must go through, or exit 1 below proves nothing
	if [[ -z $NO_CDO ]]; then
		if "$CDO" "$WORK/robust/orig/obj.o" "$WORK/robust/patched/obj.o" vmlinux \
			"$WORK/robust/symtab.txt" "$WORK/robust/Module.symvers" lp \
			"$WORK/robust/base-out.o" >"$WORK/err" 2>&1; then
			t_pass "unit-corrupt/undamaged-pair-accepted"
		else
			t_fail "unit-corrupt/undamaged-pair-accepted" "$(head -c 300 "$WORK/err" | tr '\n' ' ')"
		fi
	fi
	for label in unit-corrupt unit-corrupt-san unit-corrupt-valgrind; do
		case $label in
		unit-corrupt) cmd=("$CDO") missing=$NO_CDO ;;
		unit-corrupt-san) cmd=("$CDO_SAN") missing=$NO_SAN ;;
		unit-corrupt-valgrind)
			cmd=(valgrind -q --leak-check=full --error-exitcode=99 "$CDO") missing=$NO_CDO
			[[ -n $missing || ${VALGRIND:-1} != 1 ]] && missing=${missing:-"runs skipped (VALGRIND=0)"}
			command -v valgrind >/dev/null || missing="runs skipped (valgrind not installed)"
			;;
		esac
		for row in "${CORRUPTIONS[@]}"; do
			name=${row%% *}
			if [[ -n $missing ]]; then
				t_skip "$label/$name" "create-diff-object $missing"
				continue
			fi
			bad=$WORK/robust/corrupt-$name.o
			robust_run "$label" "$name" "$bad" "$WORK/robust/patched/obj.o" "corrupt-$name.o" "${cmd[@]}"
			# the same damage on the patched side (valgrind: ORIG side only, for time)
			[[ $label == unit-corrupt-valgrind ]] ||
				robust_run "$label" "$name-patched" "$WORK/robust/orig/obj.o" "$bad" "corrupt-$name.o" "${cmd[@]}"
		done
	done
}

# --help, bad arguments, missing files: exit codes and messages.
run_cli_checks() {
	local out rc=0 code word dir=$WORK/cli
	local -A words=([0]="written|changes found|success" [1]="error" [2]="refus" [3]="no change")
	if [[ -n $NO_CDO ]]; then
		t_skip "unit-cli/help-documents-exit-codes" "create-diff-object $NO_CDO"
		return
	fi
	mkdir -p "$dir"
	out=$("$CDO" --help 2>&1) || rc=$?
	local missing_codes=""
	for code in 0 1 2 3; do
		word=${words[$code]}
		# a line that names the code and what it means
		grep -E "(^|[^0-9])$code([^0-9]|$)" <<<"$out" | grep -qiE "$word" ||
			missing_codes+=" $code ($word)"
	done
	if [[ $rc != 0 ]]; then
		t_fail "unit-cli/help-documents-exit-codes" "--help exited $rc"
	elif [[ -n $missing_codes ]]; then
		t_fail "unit-cli/help-documents-exit-codes" "--help has no line documenting exit code$missing_codes"
	else
		t_pass "unit-cli/help-documents-exit-codes"
	fi
	debug_flag_check
	cli_expect no-arguments 1 "" "$CDO"
	cli_expect missing-orig 1 "$dir/nonexistent.o" "$CDO" "$dir/nonexistent.o" \
		"$WORK/robust/patched/obj.o" vmlinux "$WORK/robust/symtab.txt" "$WORK/robust/Module.symvers" lp "$dir/o/out.o"
	cli_expect missing-symtab 1 "$dir/no-symtab" "$CDO" "$WORK/robust/orig/obj.o" \
		"$WORK/robust/patched/obj.o" vmlinux "$dir/no-symtab" /dev/null lp "$dir/o/out.o"
	cli_expect missing-symvers 1 "$dir/no-symvers" "$CDO" "$WORK/robust/orig/obj.o" \
		"$WORK/robust/patched/obj.o" vmlinux "$WORK/robust/symtab.txt" "$dir/no-symvers" lp "$dir/o/out.o"
	printf 'Symbol table garbage\n  1: zz\n\x01\x02\n' >"$dir/garbage-symtab"
	cli_expect symtab-garbage 1 "$dir/garbage-symtab" "$CDO" "$WORK/robust/orig/obj.o" \
		"$WORK/robust/patched/obj.o" vmlinux "$dir/garbage-symtab" /dev/null lp "$dir/o/out.o"
	cli_expect output-dir-missing 1 "$dir/no-such-dir" "$CDO" "$WORK/robust/orig/obj.o" \
		"$WORK/robust/patched/obj.o" vmlinux "$WORK/robust/symtab.txt" "$WORK/robust/Module.symvers" lp "$dir/no-such-dir/out.o"
}

# cli_expect NAME RC TEXT COMMAND...: exit RC, stderr naming TEXT, no crash.
cli_expect() {
	local name=$1 want=$2 text=$3 rc=0 err
	shift 3
	rm -rf "$WORK/cli/o" && mkdir -p "$WORK/cli/o"
	err=$(timeout 60 "$@" 2>&1 >/dev/null) || rc=$?
	if [[ $rc != "$want" ]]; then
		t_fail "unit-cli/$name" "expected exit $want, got $rc: $(head -c 200 <<<"$err" | tr '\n' ' ')"
	elif [[ -z $err || ( -n $text && $err != *"$text"* ) ]]; then
		t_fail "unit-cli/$name" "expected a message naming '${text:-the usage}', saw: $(head -c 200 <<<"$err")"
	elif [[ -n $(find "$WORK/cli/o" -mindepth 1) ]]; then
		t_fail "unit-cli/$name" "files left behind"
	else
		t_pass "unit-cli/$name"
	fi
}

# -d (kpatch's debug flag) is accepted and changes nothing about the result.
debug_flag_check() {
	local rc=0 out=$WORK/cli/d
	rm -rf "$out" && mkdir -p "$out"
	timeout 60 "$CDO" -d "$WORK/robust/orig/obj.o" "$WORK/robust/patched/obj.o" vmlinux \
		"$WORK/robust/symtab.txt" "$WORK/robust/Module.symvers" lp "$out/out.o" >"$out.log" 2>&1 || rc=$?
	if [[ $rc != 0 || ! -f $out/out.o ]]; then
		t_fail "unit-cli/debug-flag-accepted" "expected exit 0 and out.o with -d, got exit $rc: $(head -c 200 "$out.log" | tr '\n' ' ')"
	else
		t_pass "unit-cli/debug-flag-accepted"
	fi
}
