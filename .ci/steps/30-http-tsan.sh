#!/usr/bin/env bash
# The HTTP tests again under ThreadSanitizer (separate scratch path, so the normal build is kept),
# the descriptor-exhaustion test alone in its own process, and a 30-second fuzz smoke of the
# request decoder (libFuzzer + AddressSanitizer).
set -euo pipefail
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
swift build --build-tests --sanitize=thread --scratch-path .build-tsan 2>&1 | grep -E "error|warning:" || true
swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter OfficinaHTTPTests 2>&1 | tail -25
test "${PIPESTATUS[0]}" -eq 0
OFFICINA_EMFILE_TEST=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan \
    --filter DescriptorExhaustionTests 2>&1 | tail -5
test "${PIPESTATUS[0]}" -eq 0
bash Fuzz/run.sh 30 2>&1 | grep -E "^stat::|ERROR|Done|crash" || { echo "fuzz smoke failed"; exit 1; }
