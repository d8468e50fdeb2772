#!/usr/bin/env bash
# ci-timeout: 600
# Fault tests on PostgreSQL (Tests/fault/pg_*.py) against the release server: two instances on a
# throwaway cluster behind nginx round robin; kill -9 one instance at random moments during a ballot
# storm, some stops a graceful SIGTERM (once with nginx passing cut PUTs on, once answering 502 so
# the client sees them), and PostgreSQL restarted and held down mid-storm (503 + Retry-After
# meanwhile, recovery without restarting Officina). Each script makes its own cluster and nginx in a temporary folder and prints
# PASS/FAIL; the step fails if any script fails or times out. About a minute and a half.
#
# The release binary is built first, as in 60-fault.sh (an incremental no-op after 10-build-release).
set -euo pipefail
missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v nginx >/dev/null || missing+=(nginx-light)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ldconfig -p | grep -q libpq.so.5 || missing+=(libpq5)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
source .ci/lib/release.sh
OFFICINA_BIN=$(build_release officina)
export OFFICINA_BIN
cd Tests/fault
status=0
run_script 120 pg_two_instances.py --kills 8 --term-every 4 --threads 8 --voters 80
run_script 120 pg_two_instances.py --no-retry --kills 6 --term-every 2 --threads 8 --voters 80
# Strict: a COMMIT cut by the restart is settled with txid_status once PostgreSQL is back (docs/scaling.md,
# "A COMMIT in doubt"), so a ballot answered 503 must never be the one stored.
run_script 120 pg_restart.py --cycles 4 --down 3 --threads 8 --voters 60
exit $status
