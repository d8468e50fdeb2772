#!/usr/bin/env bash
# ci-timeout: 1500
# The same App suite, and the PostgreSQL store tests, against a real PostgreSQL 15: installs
# Debian's postgresql and libpq5, starts a throwaway cluster (initdb/pg_ctl as the postgres user, in
# a temporary folder, on a free port, trust authentication on 127.0.0.1) and runs the tests with
# OFFICINA_TEST_DB pointing at it; each test server gets a fresh schema. Then schemathesis against
# a server on PostgreSQL. The build itself needs no PostgreSQL: libpq is loaded at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! ldconfig -p | grep -q libpq.so.5; then
    apt-get update -qq && apt-get install -y -qq postgresql libpq5 >/dev/null
fi

cluster=$(mktemp -d /tmp/officina-pg.XXXXXX)
cleanup() {
    scripts/pg-throwaway.sh stop "$cluster" || true
    rm -rf "$cluster"
}
trap cleanup EXIT
url=$(scripts/pg-throwaway.sh start "$cluster")
echo "PostgreSQL at $url"
# A generous connect timeout: on a loaded 2-core machine the default 5 s was once not enough.
export OFFICINA_TEST_DB="$url?connect_timeout=30"

out=$(mktemp)
status=0
swift build --build-tests 2>&1 | tail -1
swift test --skip-build --filter "OfficinaAppTests|PostgresConnectionTests|PostgresStoreTests|StoreCopyTests|InDoubtCommitTests|PostgresPipelineTests|PostgresDeferredSavepointTests|PostgresBallotBatchTests|PostgresCellReferenceTests" >"$out" 2>&1 || status=$?
tail -n 20 "$out"
if [ "$status" -ne 0 ]; then
    echo "--- issues:"
    grep -E "error:|recorded an issue|Expectation failed|Time limit" -A3 "$out" | head -120 || true
    exit "$status"
fi

# schemathesis against a server on PostgreSQL: the SQLite step run with --db pointing here.
OFFICINA_SCHEMATHESIS_DB="$url" bash .ci/steps/40-schemathesis.sh
