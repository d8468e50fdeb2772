#!/usr/bin/env bash
# The release archive: static Swift runtime, unpacked and served without the toolchain on PATH.
set -euo pipefail
timeout 3600 bash Tests/release/test_release.sh
