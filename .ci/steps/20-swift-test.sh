#!/usr/bin/env bash
# ci-timeout: 1800
# Every Swift test target (debug build). Prints the last lines, and on failure every issue, which
# may be far above them (suites run in parallel, so a failure is rarely at the end).
#
# The run is traced for close() (strace, only that call and execve: the rest runs at full speed):
# a descriptor closed twice can take another thread's file away, a failure that shows up rarely
# and far from its cause, so any close() of a descriptor not held fails the step
# (.ci/lib/descriptor-audit.py).
set -euo pipefail
command -v strace >/dev/null || { apt-get update -qq && apt-get install -y -qq strace >/dev/null; }
out=$(mktemp)
trace=$(mktemp)
status=0
if ! swift build --build-tests >"$out" 2>&1; then
    tail -n 60 "$out"
    exit 1
fi
traced=(strace -f -qq --seccomp-bpf -e trace=close,execve -o "$trace")
if ! "${traced[@]}" true 2>/dev/null; then
    # A container without ptrace: the tests still run, and the log says loudly what was not checked.
    echo "!!! descriptor audit NOT RUN: strace cannot trace on this machine (ptrace refused)"
    traced=()
fi
"${traced[@]}" swift test --skip-build >"$out" 2>&1 || status=$?
tail -n 60 "$out"
if [ "$status" -ne 0 ]; then
    echo "--- issues:"
    grep -E "error:|recorded an issue|Expectation failed|Time limit" -A3 "$out" | head -120 || true
    exit "$status"
fi
if [ ${#traced[@]} -gt 0 ]; then python3 .ci/lib/descriptor-audit.py "$trace"; fi
