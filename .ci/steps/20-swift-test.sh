#!/usr/bin/env bash
# ci-timeout: 1800
# Every Swift test target (debug build).
set -euo pipefail
swift test 2>&1 | tail -60
exit "${PIPESTATUS[0]}"
