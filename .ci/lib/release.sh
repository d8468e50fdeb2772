# Sourced by the CI steps that drive release binaries (not a step: .ci/run runs only .ci/steps/*.sh).

# build_release PRODUCT: builds PRODUCT in release mode (an incremental no-op after 10-build-release,
# so a step never tests a stale binary left by an earlier run) and prints its path; on a failed build
# prints the compiler's errors and exits the step.
build_release() {
    local product=$1 log
    log=$(mktemp)
    if ! swift build -c release --product "$product" >"$log" 2>&1; then
        grep -E "error:" "$log" | head -40 >&2 || tail -40 "$log" >&2
        echo "FAIL: the release build of $product failed" >&2
        exit 1
    fi
    echo "$(swift build -c release --show-bin-path)/$product"
}

# run_script LIMIT SCRIPT [ARGS...]: runs a Python test script under `timeout` (SIGKILL 10 s after
# the bound), printing its wall time; a failure or a timeout sets `status=1` and the step goes on.
run_script() {
    local limit=$1; shift
    echo "--- $*"
    local started
    started=$(date +%s)
    if ! timeout --kill-after=10 "$limit" python3 "$@"; then
        echo "FAIL $1 (exit status or timeout after ${limit}s)"
        status=1
    fi
    echo "--- $1: $(( $(date +%s) - started ))s"
}
