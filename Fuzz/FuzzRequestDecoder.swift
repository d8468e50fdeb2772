// libFuzzer entry point for the HTTP request decoder (built by Fuzz/run.sh with the parser sources).
//
// Each input is decoded twice: whole, and split into three appends at points anywhere in it (taken
// from a hash of the whole input, so a split can land past the request-line and header limits and
// the 414/431 paths run on partial pieces too). Both runs must see the same requests and the same
// error, or the decoder depends on how TCP happened to cut the stream — the root of many smuggling
// bugs. Every decoded path must also pass SafePath without yielding a segment that could climb out
// of a folder.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = RequestLimits(maxRequestLineBytes: 512, maxHeaderBytes: 2048, maxHeaderCount: 20, maxBodyBytes: 4096)

    let whole = decodeAll([bytes], limits: limits)
    var pieces: [[UInt8]] = [bytes]
    if size >= 2 {
        let hash = fnv1a(bytes)
        let first = Int(hash % UInt64(size + 1))
        let second = first + Int((hash >> 32) % UInt64(size - first + 1))
        pieces = [Array(bytes[0..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
    }
    let split = decodeAll(pieces, limits: limits)
    if whole != split {
        fatalError("decoder depends on how input is split: \(whole) vs \(split)")
    }
    return 0
}

/// FNV-1a over the whole input: split points that move with any byte, over the input's full length.
func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}

/// A comparable trace of what the decoder produced.
func decodeAll(_ pieces: [[UInt8]], limits: RequestLimits) -> [String] {
    var decoder = RequestDecoder(limits: limits)
    var trace: [String] = []
    for piece in pieces {
        decoder.append(piece)
        while true {
            let result = decoder.next()
            switch result {
            case .needMore:
                break
            case .expectContinue:
                continue
            case .error(let error):
                trace.append("error \(error)")
                return trace
            case .request(let request):
                let head = request.head
                trace.append("\(head.method) \(head.path) \(head.query) \(head.keepAlive) \(request.body)")
                checkPath(head.rawPath)
                if trace.count > 64 { return trace }
                continue
            }
            break
        }
    }
    return trace
}

func checkPath(_ rawPath: String) {
    guard case .success(let segments) = SafePath.segments(rawPath) else { return }
    for segment in segments where segment == ".." || segment == "." || segment.contains("/") || segment.contains("\\") {
        fatalError("unsafe segment \(segment) from \(rawPath)")
    }
}
