#!/usr/bin/env bash
# ci-timeout: 600
# The QR decode tests (Tests/OfficinaCoreTests/QRDecodeTests.swift) render our SVG with librsvg's
# rsvg-convert and read it back with ZBar's zbarimg; they fail, never skip, when these are missing.
set -euo pipefail
need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rsvg-convert --version
zbarimg --version
