#!/usr/bin/env bash
# ci-timeout: 1200
# The store's tests again under ThreadSanitizer (the writer thread, reader pool and group commit are
# concurrent code), then a short smoke run of the store benchmark on the release build.
# Every build must succeed before the binaries it makes are run (no stale `--skip-build` binaries).
set -euo pipefail
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
log=$(mktemp)
if ! swift build --build-tests --sanitize=thread --scratch-path .build-tsan >"$log" 2>&1; then
    grep -E "error:" "$log" | head -40 || tail -40 "$log"
    echo "FAIL: the ThreadSanitizer build failed"
    exit 1
fi
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter OfficinaStoreTests 2>&1 | tail -5
test "${PIPESTATUS[0]}" -eq 0
if ! swift build -c release --product officina-bench >"$log" 2>&1; then
    grep -E "error:" "$log" | head -40 || tail -40 "$log"
    echo "FAIL: the release build of officina-bench failed"
    exit 1
fi
"$(swift build -c release --show-bin-path)/officina-bench" store --runs 1 --seconds 1 --writers 16,256 --modes group --sync full
