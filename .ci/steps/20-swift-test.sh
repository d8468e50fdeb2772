#!/usr/bin/env bash
# ci-timeout: 1800
# Every Swift test target (debug build). Prints the last lines, and on failure every issue, which
# may be far above them (suites run in parallel, so a failure is rarely at the end).
set -euo pipefail
out=$(mktemp)
status=0
swift test >"$out" 2>&1 || status=$?
tail -n 60 "$out"
if [ "$status" -ne 0 ]; then
    echo "--- issues:"
    grep -E "error:|recorded an issue|Expectation failed|Time limit" -A3 "$out" | head -120 || true
fi
exit "$status"
