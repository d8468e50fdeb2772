// libFuzzer entry point for the HTTP request decoder (built by Fuzz/run.sh with the parser sources).
//
// Each input is decoded twice: whole, and split into three appends at points taken from its first
// bytes. Both runs must see the same requests and the same error, or the decoder depends on how
// TCP happened to cut the stream — the root of many smuggling bugs. Every decoded path must also
// pass SafePath without yielding a segment that could climb out of a folder.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = RequestLimits(maxRequestLineBytes: 512, maxHeaderBytes: 2048, maxHeaderCount: 20, maxBodyBytes: 4096)

    let whole = decodeAll([bytes], limits: limits)
    var pieces: [[UInt8]] = [bytes]
    if size >= 2 {
        let first = Int(bytes[0]) % size
        let second = first + Int(bytes[1]) % (size - first + 1)
        pieces = [Array(bytes[0..<first]), Array(bytes[first..<second]), Array(bytes[second...])]
    }
    let split = decodeAll(pieces, limits: limits)
    if whole != split {
        fatalError("decoder depends on how input is split: \(whole) vs \(split)")
    }
    return 0
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
