#!/usr/bin/env bash
# ci-timeout: 600
# System packages the build and tests need.
set -euo pipefail
need=()
for pkg in libsqlite3-dev sqlite3 strace python3; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
