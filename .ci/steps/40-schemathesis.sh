#!/usr/bin/env bash
# ci-timeout: 600
# The API against its own OpenAPI document: starts the release server on a free port with a fresh
# database, signs in a facilitator, and runs schemathesis (PyPI), failing on any 5xx or any response
# whose status, content type, headers or body do not match /api/openapi.json. Bounded to a few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v schemathesis >/dev/null 2>&1; then
    pip install --quiet schemathesis 2>/dev/null || pip install --quiet --break-system-packages schemathesis
fi
command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

# OFFICINA_BIN lets a developer point at an existing build; CI builds the release binary.
if [ -n "${OFFICINA_BIN:-}" ]; then
    officina="$OFFICINA_BIN"
else
    swift build -c release --product officina 2>&1 | tail -1
    officina="$(swift build -c release --show-bin-path)/officina"
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

# OFFICINA_SCHEMATHESIS_DB runs the same against another database (45-postgres.sh: PostgreSQL).
db="${OFFICINA_SCHEMATHESIS_DB:-$work/officina.db}"
"$officina" serve --port "$port" --db "$db" --web web --seeds seeds --pbkdf2-iterations 1000 --quiet \
    >"$work/server.log" 2>&1 &
server=$!
cleanup() {
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$base/healthz" >/dev/null

echo 'schemathesis passphrase' | "$officina" user add ci --password-stdin --db "$db" --pbkdf2-iterations 1000
cookie=$(curl -fsS -i -H "Origin: $base" -H 'Content-Type: application/json' \
    -d '{"username":"ci","password":"schemathesis passphrase"}' "$base/api/session" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(officina_session=[^;]*\).*/\1/p')
[ -n "$cookie" ] || { echo "could not sign in"; exit 1; }

# The event stream never ends, and logging out would end the run's session: both are left out.
# Run from the temporary folder, so what schemathesis keeps between runs (.schemathesis/) goes with it.
status=0
(cd "$work" && timeout 240 schemathesis run "$base/api/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples 25 --request-timeout 10 --generation-deterministic \
    -H "Origin: $base" -H "Cookie: $cookie" \
    --exclude-path '/api/workshops/{code}/events' --exclude-name 'DELETE /api/session') \
    || status=$?

if ! curl -fsS "$base/healthz" >/dev/null; then
    echo "the server died during the run:"; tail -20 "$work/server.log"; exit 1
fi
if grep -q "unexpected error" "$work/server.log"; then
    echo "the server logged unexpected errors:"; grep "unexpected error" "$work/server.log" | sort | uniq -c | head; exit 1
fi
exit $status
