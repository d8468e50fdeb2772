#!/usr/bin/env bash
# Fault tests (Tests/fault/) against the release server at a small size: kill -9 during a ballot
# storm, slowloris, descriptor exhaustion, a full disk. Each script prints PASS/FAIL; the step fails
# on the first FAIL. Bounded: every script runs under `timeout`, the whole step in about 2 minutes.
set -euo pipefail
command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
if [ ! -x .build/release/officina ]; then
    swift build -c release --product officina 2>&1 | tail -2
fi
if ! .build/release/officina serve --help 2>&1 | grep -q -- "--port"; then
    echo "FAIL: .build/release/officina has no serve command"
    exit 1
fi
cd Tests/fault
status=0
run() {
    local limit=$1; shift
    echo "--- $*"
    if ! timeout --kill-after=5 "$limit" python3 "$@"; then
        echo "FAIL $1 (exit status or timeout after ${limit}s)"
        status=1
    fi
}
run 90 kill9_storm.py --cycles 10 --threads 6 --voters 60
run 45 slowloris.py --connections 500
run 40 fd_exhaustion.py --limit 256 --flood 1500
run 40 full_disk.py --size-mib 16
run 120 live_stall.py --edits 1500 --buildons 500
exit $status
