#!/usr/bin/env bash
# ci-timeout: 1500
# Browser tests of web/ (Tests/browser): a real `officina serve` on a fresh database, driven by
# Debian's chromium and chromium-driver through selenium. Screenshots land in ./screenshots/.
set -euo pipefail
need=()
for pkg in chromium chromium-driver; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
command -v python3 >/dev/null || need+=(python3 python3-pip)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
for module in selenium pytest; do
    if ! python3 -c "import $module" 2>/dev/null; then
        python3 -m pip install --quiet "$module" 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages "$module"
    fi
done

source .ci/lib/release.sh
OFFICINA_BIN=$(build_release officina)
export OFFICINA_BIN

# Latencies the tests measured (liveness-bounded there, reported here as figures).
figures="${SCREENSHOTS:-screenshots}/figures.txt"
rm -f "$figures"
set +e
python3 -m pytest -q -p no:cacheprovider Tests/browser
status=$?
set -e
[ -f "$figures" ] && { echo "figures:"; cat "$figures"; }
if [ "$status" -eq 5 ]; then
    echo "browser tests: pytest collected no tests"; exit 1
fi
exit "$status"
