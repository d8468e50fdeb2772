#!/usr/bin/env bash
# The release archive runs on a machine without the Swift toolchain: builds it with
# scripts/release.sh, unpacks it into a fresh folder, checks with ldd that no Swift runtime library
# is needed, starts the unpacked binary with an empty environment (PATH=/usr/bin:/bin, no
# LD_LIBRARY_PATH) from a working directory that has no web/ (so the default web and seeds folders
# beside the binary are used) on a free port with a fresh database, and checks it serves /healthz,
# the participant page and the seeded programme, then stops cleanly on SIGTERM.
# usage: Tests/release/test_release.sh [VERSION]     Prints PASS or FAIL; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d /tmp/officina-release-test.XXXXXX)
server=""
cleanup() {
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    if [[ -s $work/server.out ]]; then echo "--- server output:"; tail -20 "$work/server.out"; fi
    exit 1
}

# 1. Build the archive (the static build takes minutes on a loaded machine).
build_log=$work/release.log
timeout 3000 bash scripts/release.sh "${1:-}" >"$build_log" 2>&1 || { cat "$build_log"; fail "scripts/release.sh failed"; }
archive=$(tail -1 "$build_log")
[[ -f $archive && $archive == dist/officina-*-linux-x86_64.tar.gz ]] || { cat "$build_log"; fail "no archive named on release.sh's last line"; }
echo "archive: $archive ($(du -h "$archive" | cut -f1))"

# 2. Unpack into a fresh folder, away from the checkout.
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked" || fail "cannot unpack $archive"
folder=$(find "$work/unpacked" -mindepth 1 -maxdepth 1 -type d)
[[ $(echo "$folder" | wc -l) == 1 && $(basename "$folder") == officina-* ]] || fail "archive must hold one officina-VERSION/ folder"
for item in officina web/index.html web/console.html seeds/programme.json officina.service README.md; do
    [[ -e $folder/$item ]] || fail "archive lacks $item"
done
[[ -x $folder/officina ]] || fail "officina is not executable"

# 3. No Swift runtime library, nothing unresolved, no path into the toolchain.
libraries=$(ldd "$folder/officina") || fail "ldd failed on the binary"
echo "ldd:"; echo "$libraries" | sed 's/^/    /'
if echo "$libraries" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|_FoundationICU|libicu'; then
    fail "the binary still needs a Swift runtime library"
fi
echo "$libraries" | grep -q "not found" && fail "the binary needs a library this machine lacks"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if echo "$libraries" | grep -q "$toolchain"; then fail "a library resolves into the toolchain ($toolchain)"; fi
if readelf -d "$folder/officina" | grep -E 'RPATH|RUNPATH' | grep -q "$toolchain"; then
    fail "the binary's RPATH points into the toolchain ($toolchain)"
fi

# 4. Serve from an unrelated working directory with an empty environment and a fresh database.
mkdir "$work/run"
# A facilitator, made with the unpacked binary too: the programme's workshops start as drafts, which only
# facilitators see listed.
echo 'release test passphrase' | (cd "$work/run" && env -i PATH=/usr/bin:/bin "$folder/officina" user add release \
    --password-stdin --db "$work/run/officina.db" --pbkdf2-iterations 1000) >/dev/null || fail "user add failed"
(cd "$work/run" && exec env -i PATH=/usr/bin:/bin "$folder/officina" serve --port 0 --db "$work/run/officina.db" --quiet) \
    >"$work/server.out" 2>&1 &
server=$!
port=""
for _ in $(seq 1 300); do
    port=$(sed -n 's|^officina: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$work/server.out")
    [[ -n $port ]] && break
    kill -0 "$server" 2>/dev/null || fail "the server exited at start"
    sleep 0.1
done
[[ -n $port ]] || fail "the server did not listen within 30 s"
base=http://127.0.0.1:$port
grep -q "loaded the programme from $folder/seeds/programme.json" "$work/server.out" \
    || fail "the seeds beside the binary were not loaded"
grep -q "warning: web folder" "$work/server.out" && fail "the web folder beside the binary was not found"

get() { curl -sS --max-time 10 -o "$work/body" -w '%{http_code}' "$base$1"; }
[[ $(get /healthz) == 200 ]] && grep -q '"status":"ok"' "$work/body" || fail "/healthz: $(cat "$work/body")"
[[ $(get /) == 200 ]] && grep -qi '<html' "$work/body" || fail "/ did not serve the participant page"
[[ $(curl -sS --max-time 10 -o "$work/body" -w '%{http_code}' -c "$work/cookies" -H "Origin: $base" \
    -H 'Content-Type: application/json' -d '{"username":"release","password":"release test passphrase"}' \
    "$base/api/session") == 200 ]] || fail "sign-in: $(cat "$work/body")"
[[ $(curl -sS --max-time 10 -o "$work/body" -w '%{http_code}' -b "$work/cookies" "$base/api/programmes") == 200 ]] \
    || fail "/api/programmes: $(cat "$work/body")"
themes=$(python3 -c '
import json, sys
programmes = json.load(open(sys.argv[1]))["programmes"]
print(" ".join(sorted(w["theme"] for p in programmes for w in p["workshops"])))' "$work/body") \
    || fail "/api/programmes is not the expected JSON: $(head -c 300 "$work/body")"
expected=$(python3 -c '
import json
print(" ".join(sorted(w["theme"] for w in json.load(open("seeds/programme.json"))["workshops"])))')
[[ $themes == "$expected" ]] || fail "seeded workshops: got '$themes', want '$expected'"
echo "served /healthz, / and the seeded programme ($themes) on port $port"

# 5. SIGTERM stops it cleanly.
kill -TERM "$server"
for _ in $(seq 1 300); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "the server did not stop within 30 s of SIGTERM"
wait "$server"; status=$?
server=""
[[ $status == 0 ]] || fail "the server exited with status $status after SIGTERM"
grep -q "stopped (signal 15)" "$work/server.out" || fail "no clean-stop line after SIGTERM"

echo "PASS: the release archive runs without the Swift toolchain"
