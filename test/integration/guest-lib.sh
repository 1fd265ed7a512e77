# Guest-side helpers for livepatch checks (busybox sh, sourced in the guest as
# /klp/lib.sh by every qemu-run script).
# shellcheck shell=sh

# The livepatch name of a module file: its base name with '-' as '_'.
lp_name() {
	basename "$1" .ko | tr - _
}

# Waits (up to 30 s) until NAME's transition is over.
lp_wait_transition() {
	_n=0
	while [ -e "/sys/kernel/livepatch/$1/transition" ] &&
		[ "$(cat "/sys/kernel/livepatch/$1/transition")" != 0 ]; do
		_n=$((_n + 1))
		[ $_n -le 300 ] || { echo "lp: $1: transition still running after 30 s"; return 1; }
		sleep 0.1
	done
}

# Loads a livepatch module and waits until it is fully applied.
#   lp_load KO [NAME]   (NAME: the module's name if not the file's)
lp_load() {
	insmod "$1" || { echo "lp: insmod $1 failed"; return 1; }
	_name=${2:-$(lp_name "$1")}
	[ -d "/sys/kernel/livepatch/$_name" ] || { echo "lp: $1 loaded but /sys/kernel/livepatch/$_name is missing"; return 1; }
	lp_wait_transition "$_name"
}

# Disables livepatch NAME, waits until it is gone, removes its module.
lp_unload() {
	_dir=/sys/kernel/livepatch/$1
	# (a case's own unload may have disabled it already)
	if [ -d "$_dir" ]; then
		if [ "$(cat "$_dir/enabled" 2>/dev/null)" = 1 ]; then
			echo 0 >"$_dir/enabled" || { echo "lp: cannot disable $1"; return 1; }
		fi
		lp_wait_transition "$1" || return 1
	fi
	_n=0
	while [ -d "$_dir" ]; do
		_n=$((_n + 1))
		[ $_n -le 100 ] || { echo "lp: $_dir still present after 10 s"; return 1; }
		sleep 0.1
	done
	# The module's reference may drop a moment after the directory goes.
	_n=0
	until rmmod "$1" 2>/dev/null; do
		_n=$((_n + 1))
		[ $_n -le 50 ] || { echo "lp: rmmod $1 failed"; return 1; }
		sleep 0.2
	done
}

# Fails (printing the lines) if the kernel log shows an oops, warning or trace.
lp_dmesg_clean() {
	if dmesg | grep -E 'Oops|WARNING:|Call Trace|BUG:|general protection'; then
		echo "lp: the kernel log shows the lines above"
		return 1
	fi
}

# Disables and removes every livepatch still loaded (cleanup after a failure).
lp_unload_all() {
	for _d in /sys/kernel/livepatch/*; do
		[ -d "$_d" ] || continue
		lp_unload "$(basename "$_d")" >/dev/null 2>&1 || true
	done
}
