# kpatch-build: progress lines, the log, errors. Sourced by kpatch-build.
# Globals are set in args.sh and kpatch-build, which source this file.
# shellcheck shell=bash disable=SC2154,SC2034

# Exit codes (documented in --help and kpatch-build(1)).
E_USAGE=2 E_PATCH=3 E_CHECK=4 E_BUILD=5 E_DIFF=6 E_MODULE=7

LOG=/dev/null
stage_name=''
start_us=${EPOCHREALTIME/./}

elapsed() { # seconds since start, with tenths
	local el=$((${EPOCHREALTIME/./} - start_us))
	printf '%d.%d' $((el / 1000000)) $((el / 100000 % 10))
}
progress() { printf '[%6ss] %s\n' "$(elapsed)" "$*"; }
stage() { stage_name=$1; progress "$1"; echo "=== $1" >>"$LOG"; }

die() { # CODE MESSAGE
	local code=$1
	shift
	echo "kpatch-build: ERROR: ${stage_name:+$stage_name: }$*" >&2
	if [[ -s $LOG && $LOG != /dev/null ]]; then
		echo "--- last lines of $LOG:" >&2
		tail -n 15 "$LOG" >&2
		echo "--- full log: $LOG" >&2
	fi
	exit "$code"
}

usage_error() { echo "kpatch-build: $*" >&2; exit "$E_USAGE"; }

run() { # run a command with its output in the log
	echo "+ $*" >>"$LOG"
	"$@" >>"$LOG" 2>&1
}

# Runs a long command with its output in the log and a progress line every
# 15 s: what, how many of TOTAL objects were compiled (counted from kbuild's
# "CC" lines in the log), elapsed time.
run_counted() { # WHAT TOTAL COMMAND...
	local what=$1 total=$2 mark pid rc=0 n last=$SECONDS
	shift 2
	echo "+ $*" >>"$LOG"
	mark=$(wc -l <"$LOG")
	# Its own process group, so that an interrupt can stop all of it
	# (stop_background) before the tree is restored.
	set -m
	"$@" >>"$LOG" 2>&1 &
	pid=$!
	set +m
	bg_pid=$pid
	# Polled often: most targeted builds take well under a second.
	while kill -0 "$pid" 2>/dev/null; do
		sleep 0.1
		if ((SECONDS - last >= 15)); then
			last=$SECONDS
			n=$(tail -n +"$mark" "$LOG" | grep -cE '^ +(CC|AS|CPP)( \[M\])? ' || true)
			progress "  $what: $n${total:+ of $total} objects"
		fi
	done
	wait "$pid" || rc=$?
	bg_pid=''
	return "$rc"
}

bg_pid=''
stop_background() {
	[[ -n $bg_pid ]] || return 0
	kill -TERM -- "-$bg_pid" 2>/dev/null || true
	wait "$bg_pid" 2>/dev/null || true
	bg_pid=''
}
