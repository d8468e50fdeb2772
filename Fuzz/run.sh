#!/usr/bin/env bash
# Builds the request-decoder fuzzer (libFuzzer + AddressSanitizer) from the parser sources and the message
# types they use (headers need the response encoder's field checks) and runs it.
#   Fuzz/run.sh                 # 10 minutes
#   Fuzz/run.sh 30              # 30 seconds (CI smoke)
# New inputs go to Fuzz/corpus-work/ (gitignored); the committed seeds in Fuzz/corpus/ are read only.
# A crash leaves its input as Fuzz/crash-*; add it to Fuzz/corpus/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
http=Sources/OfficinaHTTP
out=.build/fuzz
mkdir -p "$out" Fuzz/corpus-work
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name FuzzHTTP -o "$out/fuzz-request-decoder" \
    Fuzz/FuzzRequestDecoder.swift \
    "$http"/Parsing/*.swift \
    "$http"/Files/SafePath.swift \
    "$http"/Messages/*.swift "$http"/Support/Locked.swift \
    "$http"/EventLoop/ResponseEncoder.swift "$http"/EventLoop/EventStreamFormat.swift
"$out/fuzz-request-decoder" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -artifact_prefix=Fuzz/ -print_final_stats=1 Fuzz/corpus-work Fuzz/corpus
