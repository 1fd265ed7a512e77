# Shared helpers for test suites (sourced, not run).
# A suite reports one line per case, which test/run-all counts:
#   PASS: NAME
#   FAIL: NAME: what was expected, what was seen
#   SKIP: NAME: why it could not run
# shellcheck shell=bash

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything built outside the repo (kernel trees, original builds) lives here.
KLP_CACHE=${KLP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klptools}
export TOP KLP_CACHE

t_pass() { echo "PASS: $1"; }
t_fail() { echo "FAIL: $1: ${2:-failed}"; }
t_skip() { echo "SKIP: $1: ${2:-skipped}"; }
