import Testing
@testable import OfficinaHTTP

/// The header limits at their exact boundary: the limit itself passes, one more is refused, and the
/// answer is the same however TCP cuts the bytes (whole, or one byte at a time). An off-by-one in
/// either direction fails one of these.
@Suite("Request decoder: header limits exactly at and one past the bound")
struct RequestDecoderLimitTests {
    /// A head whose field block (every field line with its CRLF) is exactly `bytes` long.
    static func head(fieldBlockBytes bytes: Int) -> String {
        let host = "Host: a\r\n"
        let padding = bytes - host.utf8.count - "X-Pad: \r\n".utf8.count
        return "GET / HTTP/1.1\r\n" + host + "X-Pad: " + String(repeating: "p", count: padding) + "\r\n\r\n"
    }

    /// A head with exactly `count` field lines, Host included.
    static func head(fieldCount count: Int) -> String {
        "GET / HTTP/1.1\r\nHost: a\r\n" + (1..<count).map { "X-\($0): v\r\n" }.joined() + "\r\n"
    }

    /// Decodes `text` whole and one byte at a time; both must give the same answer.
    func decodeWholeAndTrickled(_ text: String, limits: RequestLimits) -> (whole: DecodeResult, trickled: DecodeResult) {
        let whole = decode(text, limits: limits)
        var decoder = RequestDecoder(limits: limits)
        var trickled = DecodeResult.needMore
        for byte in text.utf8 {
            decoder.append([byte])
            trickled = decoder.next()
            if case .needMore = trickled { continue }
            break
        }
        return (whole, trickled)
    }

    @Test("A header block of exactly maxHeaderBytes passes; one byte more is 431", arguments: [64, 100, 2048])
    func headerBytesBoundary(limit: Int) {
        let limits = RequestLimits(maxHeaderBytes: limit)
        let exact = Self.head(fieldBlockBytes: limit)
        let over = Self.head(fieldBlockBytes: limit + 1)
        let atLimit = decodeWholeAndTrickled(exact, limits: limits)
        #expect(atLimit.whole.request?.head.headers["X-Pad"]?.count == limit - 18)
        #expect(atLimit.trickled.request != nil, "at the limit, trickled: \(atLimit.trickled)")
        let pastLimit = decodeWholeAndTrickled(over, limits: limits)
        #expect(pastLimit.whole.error == .headerFieldsTooLarge)
        #expect(pastLimit.trickled.error == .headerFieldsTooLarge)
    }

    @Test("Exactly maxHeaderCount fields pass; one field more is 431", arguments: [1, 20, 100])
    func headerCountBoundary(limit: Int) {
        let limits = RequestLimits(maxHeaderCount: limit)
        let atLimit = decodeWholeAndTrickled(Self.head(fieldCount: limit), limits: limits)
        #expect(atLimit.whole.request?.head.headers.fields.count == limit)
        #expect(atLimit.trickled.request != nil)
        let pastLimit = decodeWholeAndTrickled(Self.head(fieldCount: limit + 1), limits: limits)
        #expect(pastLimit.whole.error == .headerFieldsTooLarge)
        #expect(pastLimit.trickled.error == .headerFieldsTooLarge)
    }

    @Test("A request line of exactly maxRequestLineBytes passes trickled too; one byte more is 414")
    func requestLineBoundaryTrickled() {
        let limits = RequestLimits(maxRequestLineBytes: 40)
        let path = String(repeating: "a", count: 40 - "GET / HTTP/1.1".count)
        #expect(decodeWholeAndTrickled("GET /\(path) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).trickled.request != nil)
        #expect(decodeWholeAndTrickled("GET /\(path)b HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).trickled.error == .uriTooLong)
    }

    /// Found by the fuzz smoke in CI: the whole head was a 400 (the bad line came first) while the
    /// same bytes in several reads were a 431 (the size was judged before the head was complete).
    @Test("An oversized field block is 431 whatever it holds, in one read or trickled", arguments: [
        "Bad Name: x\r\n", "Transfer\u{1}: x\r\n", " folded\r\n",
    ])
    func oversizedBlockWithABadLineIsTooLargeEitherWay(badLine: String) {
        let limits = RequestLimits(maxHeaderBytes: 256)
        let head = "GET / HTTP/1.1\r\nHost: a\r\n" + badLine + "X-Pad: " + String(repeating: "p", count: 300) + "\r\n\r\n"
        let decoded = decodeWholeAndTrickled(head, limits: limits)
        #expect(decoded.whole.error == .headerFieldsTooLarge, "\(decoded.whole)")
        #expect(decoded.trickled.error == .headerFieldsTooLarge, "\(decoded.trickled)")
        // Within the limit the bad line is still what is reported.
        let small = decodeWholeAndTrickled("GET / HTTP/1.1\r\nHost: a\r\n" + badLine + "\r\n", limits: limits)
        #expect(small.whole.error != nil && small.whole.error != .headerFieldsTooLarge, "\(small.whole)")
        #expect(small.whole.error == small.trickled.error)
    }
}
