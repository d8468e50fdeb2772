import Testing
@testable import OfficinaHTTP

@Suite("Request decoder: well-formed requests from byte literals")
struct RequestDecoderTests {
    @Test("A simple GET yields method, decoded path, raw query and headers")
    func simpleGet() throws {
        let request = try #require(decode("GET /a%20b/c?x=1&y=%41 HTTP/1.1\r\nHost: example\r\nAccept:  text/html  \r\n\r\n").request)
        #expect(request.head.method == .get)
        #expect(request.head.path == "/a b/c")
        #expect(request.head.rawPath == "/a%20b/c")
        #expect(request.head.query == "x=1&y=%41")
        #expect(request.head.headers["accept"] == "text/html")
        #expect(request.head.keepAlive)
        #expect(request.body.isEmpty)
    }

    @Test("Bytes that stop mid-head need more, then complete")
    func incompleteHeadNeedsMore() {
        var decoder = RequestDecoder(limits: RequestLimits())
        decoder.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r".utf8))
        #expect(decoder.next().isNeedMore)
        decoder.append(Array("\n".utf8))
        #expect(decoder.next().request?.head.path == "/")
        #expect(decoder.isIdle)
    }

    @Test("A head fed one byte at a time decodes the same as whole")
    func byteAtATime() {
        let text = Array("POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc".utf8)
        var decoder = RequestDecoder(limits: RequestLimits())
        var found: DecodedRequest?
        for byte in text {
            decoder.append([byte])
            if case .request(let request) = decoder.next() { found = request }
        }
        #expect(found?.body == Array("abc".utf8))
    }

    @Test("Pipelined requests come out one per call, in order")
    func pipelined() {
        var decoder = RequestDecoder(limits: RequestLimits())
        decoder.append(Array("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /3 HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(decoder.next().request?.head.path == "/1")
        let second = decoder.next().request
        #expect(second?.head.path == "/2")
        #expect(second?.body == Array("hi".utf8))
        #expect(decoder.next().request?.head.path == "/3")
        #expect(decoder.next().isNeedMore)
    }

    @Test("Empty lines before a request line are ignored (RFC 9112 §2.2)")
    func leadingEmptyLines() {
        #expect(decode("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n").request?.head.path == "/x")
    }

    @Test("A chunked body with extensions and trailers decodes to its data")
    func chunked() {
        let request = decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip-not, chunked\r\n\r\n").error
        #expect(request == .unknownTransferCoding)
        let ok = decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n3;name=value\r\nabc\r\n0\r\nTrailer: x\r\n\r\n").request
        #expect(ok?.body == Array("abc".utf8))
    }

    @Test("A trailer line too long fails as too long whether its bare line ending arrived with it or not")
    func trailerLimitBeforeLineEnding() {
        let limits = RequestLimits(maxRequestLineBytes: 512, maxHeaderBytes: 64, maxHeaderCount: 20, maxBodyBytes: 4096)
        let head = Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n".utf8)
        let longLine = Array(("T: " + String(repeating: "v", count: 100)).utf8)
        for cut in [0, 10, longLine.count] {
            var decoder = RequestDecoder(limits: limits)
            decoder.append(head + longLine[..<cut])
            var result = decoder.next()
            if result.isNeedMore {
                decoder.append(Array(longLine[cut...]) + [0x0A])
                result = decoder.next()
            }
            #expect(result.error == .headerFieldsTooLarge, "cut at \(cut)")
        }
        // Within the limit, a bare line ending is still refused as one.
        var decoder = RequestDecoder(limits: limits)
        decoder.append(head + Array("T: v\n".utf8))
        #expect(decoder.next().error == .badRequest(.bareLineEnding))
    }

    @Test("Expect: 100-continue is announced once, then the body completes the request")
    func expectContinue() {
        var decoder = RequestDecoder(limits: RequestLimits())
        decoder.append(Array("PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n".utf8))
        guard case .expectContinue = decoder.next() else { Issue.record("no 100-continue"); return }
        #expect(decoder.next().isNeedMore)
        decoder.append(Array("ok".utf8))
        #expect(decoder.next().request?.body == Array("ok".utf8))
    }

    @Test("HTTP/1.0 is not kept alive unless it asks; HTTP/1.1 is unless it says close")
    func persistence() {
        #expect(decode("GET / HTTP/1.0\r\n\r\n").request?.head.keepAlive == false)
        #expect(decode("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request?.head.keepAlive == true)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").request?.head.keepAlive == false)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\nConnection: close\r\n\r\n").request?.head.keepAlive == false)
    }

    @Test("Absolute-form targets are reduced to their path; * only with OPTIONS")
    func targetForms() {
        #expect(decode("GET http://example.com/p?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n").request?.head.path == "/p")
        #expect(decode("GET HTTP://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n").request?.head.path == "/")
        #expect(decode("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").request?.head.path == "*")
        #expect(decode("GET * HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidTarget)
        #expect(decode("GET example.com:443 HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidTarget)
    }

    @Test("Limits are exact: a request line of exactly the limit passes, one byte more is 414")
    func requestLineLimitIsExact() {
        let limits = RequestLimits(maxRequestLineBytes: 40)
        let path = String(repeating: "a", count: 40 - "GET / HTTP/1.1".count)
        #expect(decode("GET /\(path) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).request != nil)
        #expect(decode("GET /\(path)b HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits).error == .uriTooLong)
    }
}
