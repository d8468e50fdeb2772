#!/usr/bin/env bash
# The store's tests again under ThreadSanitizer (the writer thread, reader pool and group commit are
# concurrent code), then a short smoke run of the store benchmark on the release build.
set -euo pipefail
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
swift build --build-tests --sanitize=thread --scratch-path .build-tsan 2>&1 | grep -E "error|warning:" || true
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter OfficinaStoreTests 2>&1 | tail -5
test "${PIPESTATUS[0]}" -eq 0
swift build -c release --product officina-bench 2>&1 | grep -E "error|warning:" || true
.build/release/officina-bench store --runs 1 --seconds 1 --writers 16,256 --modes group --sync full
