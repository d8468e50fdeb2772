#!/usr/bin/env bash
# Every Swift test target (debug build).
set -euo pipefail
swift test 2>&1 | tail -60
exit "${PIPESTATUS[0]}"
