#!/usr/bin/env bash
# ci-timeout: 2100
# The HTTP and App tests again under ThreadSanitizer (separate scratch path, so the normal build is
# kept): the event loop, the live hub and the routes are the concurrent code. Then the
# descriptor-exhaustion test alone in its own process, and a 30-second fuzz smoke of the request
# decoder (libFuzzer + AddressSanitizer).
#
# The build must succeed before any `--skip-build` run: a failed build stops the step here, so no
# test ever runs a stale binary left in .build-tsan by an earlier run.
set -euo pipefail
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
log=$(mktemp)
if ! swift build --build-tests --sanitize=thread --scratch-path .build-tsan >"$log" 2>&1; then
    grep -E "error:" "$log" | head -40 || tail -40 "$log"
    echo "FAIL: the ThreadSanitizer build failed"
    exit 1
fi
grep "warning:" "$log" | sort -u | head -20 || true

# Prints the last lines of each run, and on failure every issue and sanitizer report, which may be
# far above the tail.
tsan_test() {
    local filter=$1 lines=$2; shift 2
    local out
    out=$(mktemp)
    echo "--- ThreadSanitizer: $filter"
    local status=0
    swift test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "$filter" "$@" >"$out" 2>&1 || status=$?
    tail -n "$lines" "$out"
    if [ "$status" -ne 0 ]; then
        echo "--- issues:"
        grep -E "recorded an issue|Expectation failed|WARNING: ThreadSanitizer|SUMMARY: ThreadSanitizer" -A3 "$out" | head -120 || true
        return 1
    fi
}
tsan_test OfficinaHTTPTests 25
# The login-burst test hashes ten passwords at once: ThreadSanitizer slows PBKDF2 so much that it
# outruns its time limit on 2 cores. It runs in 20-swift-test; here it is skipped by name, visibly.
# The App suite in three runs by the suite's initial letter. Swift Testing starts every test of a
# run at once, so on 2 cores each test's wall time is close to the whole run's: under
# ThreadSanitizer a run of all ~220 tests took 350-580 s on a loaded machine, and tests with
# 5-minute limits or 60-second client timeouts tripped. A third of the suite per run keeps each
# test's wall time near a third of that. Every suite name starts with a capital letter (checked
# here), so the three patterns cover them all.
listed=$(swift test list --skip-build --sanitize=thread --scratch-path .build-tsan)
total=$(grep -c '^OfficinaAppTests\.' <<<"$listed" || true)
outside=$(grep -c '^OfficinaAppTests\.[^A-Z]' <<<"$listed" || true)
if [ "$total" -eq 0 ] || [ "$outside" -ne 0 ]; then
    echo "FAIL: the App tests cannot be split into shards ($total listed, $outside outside A-Z)"
    exit 1
fi
echo "--- $total App tests in three shards"
for shard in '[A-E]' '[F-O]' '[P-Z]'; do
    tsan_test "OfficinaAppTests\.$shard" 25 --skip aBurstOfLoginsDoesNotStallVoting
done
OFFICINA_EMFILE_TEST=1 tsan_test DescriptorExhaustionTests 5

fuzz_log=$(mktemp)
if ! bash Fuzz/run.sh 30 >"$fuzz_log" 2>&1; then
    grep -E "ERROR|crash|error:|Fatal" "$fuzz_log" | head -20
    echo "FAIL: fuzz smoke"
    exit 1
fi
grep -E "^stat::|Done" "$fuzz_log"
