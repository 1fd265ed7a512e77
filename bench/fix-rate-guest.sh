# Guest side of bench/fix-rate (busybox sh, run by test/integration/qemu-run).
# /klp/cases: one line per fix "ID LIVEPATCH_NAME KMODS" (KMODS: distro
# modules to insmod first, in order, comma-separated, or -). Prints for each
# "START ID" and then "CHECK ID OUTCOME SECONDS [detail]"; a fix with a
# START and no CHECK ended the guest (oops=panic): the host calls it an oops.
# shellcheck shell=sh
# shellcheck disable=SC1091 # the guest's copy of test/integration/guest-lib.sh
. /klp/lib.sh

ip link set lo up 2>/dev/null || ifconfig lo 127.0.0.1 up 2>/dev/null

# File I/O in tmpfs, a loopback TCP exchange, process spawning. Fails on a
# wrong result, not only on a crash.
smoke() {
	if ! { dd if=/dev/urandom of=/tmp/smoke.a bs=64k count=16 2>/dev/null &&
		cp /tmp/smoke.a /tmp/smoke.b && cmp /tmp/smoke.a /tmp/smoke.b &&
		mv /tmp/smoke.b /tmp/smoke.c && sync && rm -f /tmp/smoke.a /tmp/smoke.c; }; then
		echo "file I/O failed"
		return 1
	fi
	if nc 2>&1 | grep -q -- '-l'; then
		rm -f /tmp/smoke.nc
		timeout 10 nc -l -p 4711 >/tmp/smoke.nc 2>/dev/null &
		_p=$!
		sleep 0.3
		echo klp-fix-rate | timeout 5 nc 127.0.0.1 4711 2>/dev/null
		wait $_p 2>/dev/null
		grep -q klp-fix-rate /tmp/smoke.nc || { echo "loopback exchange failed"; return 1; }
	fi
	_i=0
	while [ $_i -lt 30 ]; do
		[ "$(sh -c 'echo $((6 * 7))')" = 42 ] || { echo "process spawning failed"; return 1; }
		_i=$((_i + 1))
	done
	cat /proc/self/status /proc/meminfo /proc/version >/dev/null || { echo "/proc reads failed"; return 1; }
}

kernel_log_clean() {
	if dmesg | grep -E 'Oops|WARNING:|Call Trace|BUG:|general protection' >/tmp/log.bad; then
		head -3 /tmp/log.bad | tr '\n' ' '
		return 1
	fi
}

run_case() { # ID NAME KMODS
	echo "START $1"
	dmesg -c >/dev/null
	_t0=$(date +%s) _absent=
	for _m in $(echo "$3" | tr , ' '); do
		[ "$_m" = - ] && continue
		insmod "/kmod/$_m.ko" >/tmp/o 2>&1 && continue
		grep -q 'File exists' /tmp/o && continue
		# a driver for hardware this guest lacks (hv_vmbus without
		# Hyper-V, kvm_intel without VMX under TCG) refuses to load, and
		# the modules after it depend on it: the patch is loaded with
		# them absent, as on a server without that hardware (livepatch
		# patches a module when it comes), and the detail says so
		if grep -qE '(No such device|Operation not supported)$' /tmp/o; then
			_absent=" (checked with $_m and the modules after it absent: $(sed -n 's/.*: //p' /tmp/o | tail -1) in this guest)"
			break
		fi
		echo "CHECK $1 load-failed 0 insmod of the patched module $_m: $(cat /tmp/o)"
		return
	done
	if ! lp_load "/klp/mods/$1.ko" "$2" >/tmp/o 2>&1; then
		echo "CHECK $1 load-failed $(($(date +%s) - _t0)) $(tr '\n' ' ' </tmp/o) $(dmesg | tail -3 | tr '\n' ' ')"
		lp_unload_all
		return
	fi
	smoke >/tmp/o 2>&1 || { echo "CHECK $1 smoke-failed $(($(date +%s) - _t0)) $(cat /tmp/o)"; lp_unload_all; return; }
	lp_unload "$2" >/tmp/o 2>&1 || { echo "CHECK $1 unload-failed $(($(date +%s) - _t0)) $(cat /tmp/o)"; return; }
	if ! kernel_log_clean >/tmp/o; then
		echo "CHECK $1 oops $(($(date +%s) - _t0)) $(cat /tmp/o)"
		return
	fi
	echo "CHECK $1 loaded-cleanly $(($(date +%s) - _t0))$_absent"
}

while read -r id name kmods; do
	run_case "$id" "$name" "$kmods"
done </klp/cases
