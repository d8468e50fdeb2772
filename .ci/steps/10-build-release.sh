#!/usr/bin/env bash
# ci-timeout: 1500
# Release build with zero warnings.
set -euo pipefail
log=$(mktemp)
swift build -c release 2>&1 | tee "$log" | tail -3
if grep -q "warning:" "$log"; then
    echo "release build has warnings:"; grep "warning:" "$log"; exit 1
fi
