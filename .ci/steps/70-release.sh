#!/usr/bin/env bash
# The release archive: static Swift runtime, unpacked and served without the toolchain on PATH.
# ci-timeout: 1800
set -euo pipefail
timeout 3600 bash Tests/release/test_release.sh
