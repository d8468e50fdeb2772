#!/usr/bin/env bash
# ci-timeout: 600
# Fault tests (Tests/fault/) against the release server at a small size: kill -9 during a ballot
# storm, slowloris, descriptor exhaustion, a full disk, a SIGTERM mid-request (the drain finishes it,
# ends streams, empties the -wal), live updates resumed across a restart. Each script prints PASS/FAIL; the step fails
# if any script fails, times out, or skips (`--require`: CI runs as root, so the full-disk test must
# really run). Bounded: every script runs under `timeout`, the whole step in about 2 minutes.
#
# The release binary is always built first (an incremental no-op after 10-build-release), so the
# scripts never test a stale binary left by an earlier run.
set -euo pipefail
command -v python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
source .ci/lib/release.sh
OFFICINA_BIN=$(build_release officina)
export OFFICINA_BIN
if ! "$OFFICINA_BIN" serve --help 2>&1 | grep -q -- "--port"; then
    echo "FAIL: $OFFICINA_BIN has no serve command"
    exit 1
fi
cd Tests/fault
status=0
run_script 90 kill9_storm.py --cycles 10 --threads 6 --voters 60
run_script 45 slowloris.py --connections 500
run_script 40 fd_exhaustion.py --limit 256 --flood 1500
run_script 40 full_disk.py --size-mib 16 --require
run_script 60 sigterm_drain.py
run_script 60 live_restart.py
run_script 120 live_stall.py --edits 1500 --buildons 500
exit $status
