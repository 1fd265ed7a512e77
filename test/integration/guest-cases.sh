# Guest driver of test/integration/run (busybox sh, run by qemu-run).
# /klp/cases lists one case per line: NAME KMODS MODNAME, where KMODS is '-'
# or a comma-separated list of kernel modules (in /klp/kmod) the patch
# targets and MODNAME the livepatch module's name (modinfo).
# Each case prints "CASE NAME: ok" or "CASE NAME: FAILED reason".
# shellcheck shell=sh
# shellcheck source=guest-lib.sh
. /klp/lib.sh

# Runs NAME's LOADED test if there is one; prints its exit status.
loaded_test() {
	[ -f "/klp/tests/$1-LOADED.test" ] || { echo none; return; }
	# A hung test must not cost the other cases their results.
	if timeout 20 sh "/klp/tests/$1-LOADED.test" >/tmp/test.out 2>&1; then echo 0; else echo 1; fi
}

kmods_load() {
	[ "$1" = - ] && return 0
	for _m in $(echo "$1" | tr , ' '); do
		grep -q "^$_m " /proc/modules && continue
		insmod "/klp/kmod/$_m.ko" || { echo "insmod $_m.ko failed"; return 1; }
	done
}

kmods_unload() {
	[ "$1" = - ] && return 0
	for _m in $(echo "$1" | tr , ' '); do
		rmmod "$_m" 2>/dev/null || true
	done
}

# One pass: KMODS loaded before (order=before) or after (order=after) the patch.
run_pass() {
	name=$1 kmods=$2 order=$3 ko=/klp/modules/livepatch-$1.ko lp=$4 when=''
	[ "$kmods" = - ] || when=" ($kmods loaded $order the patch)"
	[ "$order" = before ] && { kmods_load "$kmods" || return 1; }
	r=$(loaded_test "$name")
	[ "$r" = 0 ] && { echo "test passes before the patch is loaded$when"; return 1; }
	lp_load "$ko" "$lp" || { echo "module did not load"; return 1; }
	[ "$order" = after ] && { kmods_load "$kmods" || return 1; }
	r=$(loaded_test "$name")
	[ "$r" = 1 ] && { echo "test fails while the patch is loaded$when: $(tail -3 /tmp/test.out | tr '\n' ' ')"; return 1; }
	# NAME-UNLOAD.test: the case's own way to unload (a check while it does)
	if [ -f "/klp/tests/$name-UNLOAD.test" ]; then
		timeout 60 sh "/klp/tests/$name-UNLOAD.test" "$lp" "$ko" >/tmp/unload.out 2>&1 ||
			{ echo "unload test failed: $(tail -3 /tmp/unload.out | tr '\n' ' ')"; return 1; }
	else
		lp_unload "$lp" || { echo "module did not unload"; return 1; }
	fi
	r=$(loaded_test "$name")
	kmods_unload "$kmods"
	[ "$r" = 0 ] && { echo "test still passes after unload$when"; return 1; }
	lp_dmesg_clean >/tmp/dmesg.out || { echo "kernel log: $(head -3 /tmp/dmesg.out | tr '\n' ' ')"; return 1; }
	return 0
}

# NAME KMODS MODNAME: one pass, or two (KMODS loaded before, then after).
run_case() {
	dmesg -c >/dev/null
	why=$(run_pass "$1" "$2" before "$3") || { echo "CASE $1: FAILED $why"; return; }
	if [ "$2" != - ]; then
		why=$(run_pass "$1" "$2" after "$3") || { echo "CASE $1: FAILED $why"; return; }
	fi
	# NAME.dmesg: lines the case's kernel log must hold once the module is
	# gone (what no LOADED test can see, e.g. the unpatch callbacks).
	if [ -f "/klp/tests/$1.dmesg" ]; then
		while IFS= read -r want; do
			dmesg | grep -qF "$want" || { echo "CASE $1: FAILED kernel log lacks '$want'"; return; }
		done <"/klp/tests/$1.dmesg"
	fi
	echo "CASE $1: ok"
}

while read -r name kmods modname; do
	echo "CASE-START $name"
	run_case "$name" "$kmods" "$modname"
	# A failed case must not leave its module in the next case's way.
	lp_unload_all
	kmods_unload "$kmods"
done </klp/cases
