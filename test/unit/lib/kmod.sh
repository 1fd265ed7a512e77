# shellcheck shell=bash
# Headers of kmod/ that patch sources include, compiled against stand-ins
# for the kernel headers they need (the x86_64 6.1 syscall wrapper shape).

# kmod_stubs DIR: minimal linux/*.h for kmod/kpatch-macros.h.
kmod_stubs() {
	local dir=$1/linux h
	mkdir -p "$dir"
	for h in livepatch printk ratelimit static_call; do
		echo "/* stand-in */" >"$dir/$h.h"
	done
	cat >"$dir/compiler.h" <<'H'
#define __used __attribute__((__used__))
#define __section(s) __attribute__((__section__(s)))
H
	cat >"$dir/syscalls.h" <<'H'
/* One-argument subset of include/linux/syscalls.h and the x86_64 wrapper. */
struct pt_regs { unsigned long di; };
#define __MAP1(m, t, a) m(t, a)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)
#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t)a
#define __SC_ARGS(t, a) a
#define __SC_TEST(t, a) (void)0
#define __PROTECT(...)
#define __X64_SYS_STUBx(x, name, ...)					\
	long __x64_sys##name(const struct pt_regs *regs);		\
	long __x64_sys##name(const struct pt_regs *regs)		\
	{ return __se_sys##name((long)regs->di); }
#define __IA32_SYS_STUBx(x, name, ...)
H
}

# run_kmod_checks: a syscall patch written for kpatch compiles with ours.
run_kmod_checks() {
	local dir=$WORK/kmod syms
	kmod_stubs "$dir/include"
	if ! compile_obj "$UNIT/kmod/syscall-patch.c" "$dir" syscall-patch -I "$TOP/kmod" -I "$dir/include" \
		>"$dir/err" 2>&1; then
		t_fail "unit-kmod/kpatch-syscall-h" "does not compile: $(head -c 300 "$dir/err" | tr '\n' ' ')"
		return
	fi
	syms=$(nm "$dir/syscall-patch.o")
	if grep -q ' T __x64_sys_klp_demo$' <<<"$syms" && grep -q ' T __x64_sys_klp_demo2$' <<<"$syms"; then
		t_pass "unit-kmod/kpatch-syscall-h"
	else
		t_fail "unit-kmod/kpatch-syscall-h" "no __x64_sys_klp_demo/__x64_sys_klp_demo2 wrapper defined: $(tr '\n' ' ' <<<"$syms")"
	fi
}

# run_modinfo_chain: the import_ns= entry create-diff-object kept (case
# modinfo-builtin-import-ns-prefix-stripped) survives what kpatch-build does
# to the output before the kernel reads it: ld -r of the diffed objects, ld -r
# with the module template (Kbuild's composite object), create-klp-module.
run_modinfo_chain() {
	local name=modinfo-builtin-import-ns-prefix-stripped dir=$WORK/kmod/modinfo out
	out=$WORK/$name/unit/o/output.o
	if [[ -n $NO_CDO || ! -f $out ]]; then
		t_skip "unit-kmod/modinfo-import-ns-reaches-module" "no output of case $name in this run"
		return
	fi
	mkdir -p "$dir"
	if ! { printf 'int klp_core(void) { return 0; }\n' >"$dir/core.c" &&
		compile_obj "$dir/core.c" "$dir" core &&
		ld -r -o "$dir/patch-objects.o" "$out" &&
		ld -r -o "$dir/mod.o" "$dir/core.o" "$dir/patch-objects.o" &&
		"$KLP" "$dir/mod.o" "$dir/mod.klp.o"; } >"$dir/err" 2>&1; then
		t_fail "unit-kmod/modinfo-import-ns-reaches-module" "$(head -c 300 "$dir/err" | tr '\n' ' ')"
		return
	fi
	if readelf -p .modinfo "$dir/mod.klp.o" 2>/dev/null | grep -q ' import_ns=CRYPTO_INTERNAL$'; then
		t_pass "unit-kmod/modinfo-import-ns-reaches-module"
	else
		t_fail "unit-kmod/modinfo-import-ns-reaches-module" "no import_ns=CRYPTO_INTERNAL in the module's .modinfo: $(readelf -p .modinfo "$dir/mod.klp.o" 2>&1 | tr '\n' ' ')"
	fi
}

# run_other_module_chain: case module-other-module-export-klp-reloc's
# "mymod:othermod" relocation reaches the module as the kernel reads it: in
# mymod's .klp.rela section (applied when mymod is patched), against
# othermod's .klp.sym symbol.
run_other_module_chain() {
	local name=module-other-module-export-klp-reloc dir=$WORK/kmod/other-module out secs syms
	out=$WORK/$name/unit/o/output.o
	if [[ -n $NO_CDO || ! -f $out ]]; then
		t_skip "unit-kmod/other-module-export-klp-sections" "no output of case $name in this run"
		return
	fi
	mkdir -p "$dir"
	if ! { ld -r -o "$dir/mod.o" "$out" && "$KLP" "$dir/mod.o" "$dir/mod.klp.o"; } >"$dir/err" 2>&1; then
		t_fail "unit-kmod/other-module-export-klp-sections" "$(head -c 300 "$dir/err" | tr '\n' ' ')"
		return
	fi
	secs=$(readelf -S --wide "$dir/mod.klp.o" 2>&1)
	syms=$(readelf -s --wide "$dir/mod.klp.o" 2>&1)
	if grep -q ' \.klp\.rela\.mymod\.text\.mod_fn ' <<<"$secs" &&
		grep -q ' \.klp\.sym\.othermod\.other_fn,0$' <<<"$syms" && ! grep -q 'klp\.sym\.[^ ]*:' <<<"$syms"; then
		t_pass "unit-kmod/other-module-export-klp-sections"
	else
		t_fail "unit-kmod/other-module-export-klp-sections" "wanted .klp.rela.mymod.text.mod_fn and .klp.sym.othermod.other_fn,0: $(grep -o '\.klp\.[^ ]*' <<<"$secs$syms" | tr '\n' ' ')"
	fi
}
