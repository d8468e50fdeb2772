#!/usr/bin/env bash
# Builds a release archive a server can run without the Swift toolchain:
#   dist/officina-<VERSION>-linux-x86_64.tar.gz  =  officina (Swift runtime linked statically),
#   web/, seeds/, officina.service, README.md — all in one top folder officina-<VERSION>/.
#
# usage: scripts/release.sh [VERSION]
#   VERSION defaults to `git describe --tags --always --dirty` (a tag such as v1.2.0, else the short
#   commit, with -dirty when the worktree has uncommitted changes); "dev" outside a git checkout.
# Environment: OFFICINA_RELEASE_SCRATCH — SwiftPM scratch path (default .build-release-static, kept
# apart from .build so the static and the ordinary release builds do not rebuild each other).
# Prints the archive's path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
if [[ ! $version =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]]; then
    echo "release.sh: version must be letters, digits and . _ + - (got '$version')" >&2
    exit 2
fi
arch=$(uname -m)
if [[ $arch != x86_64 ]]; then
    echo "release.sh: builds linux-x86_64 archives; this machine is $arch" >&2
    exit 2
fi
scratch=${OFFICINA_RELEASE_SCRATCH:-.build-release-static}
name=officina-$version
archive=dist/$name-linux-x86_64.tar.gz

# --static-swift-stdlib links the Swift runtime, Foundation, Dispatch and ICU data into the binary;
# libc, libstdc++ and libsqlite3 stay shared system libraries.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "release.sh: building officina $version (release, static Swift runtime, scratch $scratch)"
if ! swift build -c release --product officina --static-swift-stdlib --scratch-path "$scratch" >"$log" 2>&1; then
    cat "$log" >&2
    echo "release.sh: build failed" >&2
    exit 1
fi
# Our code must build without warnings. The linker's note that the toolchain's static Foundation
# calls mktemp is not ours, so only compiler warnings (file:line:column: warning:) count.
if grep -Eq '^[^ ]+\.(swift|c|h):[0-9]+:[0-9]+: warning:' "$log"; then
    grep -E '^[^ ]+\.(swift|c|h):[0-9]+:[0-9]+: warning:' "$log" >&2
    echo "release.sh: the release build has warnings" >&2
    exit 1
fi
binary=$(swift build -c release --product officina --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/officina

# A Swift runtime library still linked dynamically means the archive would not run on a server.
if ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU'; then
    echo "release.sh: $binary still needs the Swift runtime (see above)" >&2
    exit 1
fi

staging=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$staging"' EXIT
mkdir "$staging/$name"
install -m 0755 "$binary" "$staging/$name/officina"
strip "$staging/$name/officina" 2>/dev/null || true
cp -R web seeds "$staging/$name/"
install -m 0644 packaging/officina.service packaging/README.md "$staging/$name/"
echo "$version" >"$staging/$name/VERSION"

mkdir -p dist
# Stable order, owner and times so the archive does not depend on who built it.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}" \
    -C "$staging" -czf "$archive.partial" "$name"
mv "$archive.partial" "$archive"
echo "release.sh: $(du -h "$archive" | cut -f1) $archive"
echo "$archive"
