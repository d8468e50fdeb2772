import Testing
@testable import OfficinaHTTP

/// Each test is named after the attack or malformation it feeds the decoder, as raw bytes.
@Suite("Request decoder: attacks and malformed input")
struct RequestDecoderAttackTests {
    @Test("Request smuggling: Content-Length with Transfer-Encoding is refused")
    func refusesContentLengthWithTransferEncoding() {
        let result = decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX")
        #expect(result.badRequestReason == .contentLengthWithTransferEncoding)
        let reversed = decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 6\r\n\r\n0\r\n\r\nX")
        #expect(reversed.badRequestReason == .contentLengthWithTransferEncoding)
    }

    @Test("Request smuggling: two Content-Length fields, equal or not, are refused")
    func refusesDuplicateContentLength() {
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd").badRequestReason == .duplicateContentLength)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc").badRequestReason == .duplicateContentLength)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc").badRequestReason == .invalidContentLength)
    }

    @Test("Negative Content-Length is refused without allocating (the swifter crash)")
    func refusesNegativeContentLength() {
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n").badRequestReason == .invalidContentLength)
    }

    @Test("Non-numeric, signed, spaced or hexadecimal Content-Length is refused")
    func refusesNonNumericContentLength() {
        for value in ["abc", "+5", "5 5", "0x10", "1.0", ""] {
            #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n").badRequestReason == .invalidContentLength, "\(value)")
        }
    }

    @Test("A Content-Length too large to represent is 413, not an overflow")
    func hugeContentLengthIsTooLarge() {
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999999999\r\n\r\n").error == .contentTooLarge)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n").error == .contentTooLarge)
    }

    @Test("A chunked body past the limit is 413, however its chunks are sized")
    func chunkedBodyOverLimit() {
        let limits = RequestLimits(maxBodyBytes: 8)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n5\r\nabcde\r\n0\r\n\r\n", limits: limits).error == .contentTooLarge)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n", limits: limits).error == .contentTooLarge)
    }

    @Test("Malformed chunk sizes and missing chunk terminators are refused")
    func malformedChunks() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(decode(head + "zz\r\n").badRequestReason == .invalidChunkSize)
        #expect(decode(head + "-1\r\n").badRequestReason == .invalidChunkSize)
        #expect(decode(head + "3\r\nabcX\r\n").badRequestReason == .invalidChunkTerminator)
        #expect(decode(head + "3\nabc\r\n").badRequestReason == .invalidChunkSize)
    }

    @Test("Transfer-Encoding where chunked is not last, or repeated, is refused; unknown codings are 501")
    func transferCodings() {
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n").badRequestReason == .chunkedNotFinal)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n").badRequestReason == .chunkedNotFinal)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n").error == .unknownTransferCoding)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n").error == .unknownTransferCoding)
    }

    @Test("Transfer-Encoding on an HTTP/1.0 request is refused")
    func transferEncodingOnHTTP10() {
        #expect(decode("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").badRequestReason == .transferEncodingInHTTP10)
    }

    @Test("Obsolete line folding is refused")
    func refusesObsFold() {
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n").badRequestReason == .obsoleteLineFolding)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n").badRequestReason == .obsoleteLineFolding)
    }

    @Test("Whitespace before the colon is refused (header-name smuggling)")
    func refusesWhitespaceBeforeColon() {
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nContent-Length : 5\r\n\r\nhello").badRequestReason == .whitespaceBeforeColon)
        #expect(decode("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding\t: chunked\r\n\r\n").badRequestReason == .whitespaceBeforeColon)
    }

    @Test("NUL and control bytes in a header value are refused")
    func refusesControlBytesInValues() {
        for byte: UInt8 in [0x00, 0x01, 0x0B, 0x1F, 0x7F] {
            let bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8) + [byte] + Array("b\r\n\r\n".utf8)
            #expect(decode(bytes).badRequestReason == .invalidFieldValue, "byte \(byte)")
        }
        let obsText = Array("GET / HTTP/1.1\r\nHost: a\r\nX: caf".utf8) + [0xC3, 0xA9] + Array("\r\n\r\n".utf8)
        #expect(decode(obsText).request != nil)
    }

    @Test("Header injection: a bare CR or bare LF inside the head is refused")
    func refusesBareLineEndings() {
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nX: a\rInjected: 1\r\n\r\n").badRequestReason == .bareLineEnding)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n").badRequestReason == .bareLineEnding)
    }

    @Test("Invalid field names are refused")
    func refusesInvalidFieldNames() {
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nBad(Name): x\r\n\r\n").badRequestReason == .invalidFieldName)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\n: empty\r\n\r\n").badRequestReason == .invalidFieldName)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n").badRequestReason == .invalidFieldName)
    }

    @Test("HTTP/1.1 without Host, or with two, is refused")
    func hostRules() {
        #expect(decode("GET / HTTP/1.1\r\n\r\n").badRequestReason == .missingHost)
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").badRequestReason == .duplicateHost)
        #expect(decode("GET / HTTP/1.0\r\n\r\n").request != nil)
    }

    @Test("Unsupported versions are 505; malformed versions are 400")
    func versions() {
        #expect(decode("GET / HTTP/2.0\r\nHost: a\r\n\r\n").error == .versionNotSupported)
        #expect(decode("GET / HTTP/1.2\r\nHost: a\r\n\r\n").error == .versionNotSupported)
        #expect(decode("GET / HTTP/0.9\r\n\r\n").error == .versionNotSupported)
        #expect(decode("GET / HTTP/1.10\r\nHost: a\r\n\r\n").badRequestReason == .malformedVersion)
        #expect(decode("GET / http/1.1\r\nHost: a\r\n\r\n").badRequestReason == .malformedVersion)
        #expect(decode("GET /\r\n\r\n").badRequestReason == .malformedRequestLine)
    }

    @Test("Malformed request lines: double spaces, bad methods, control bytes in the target")
    func malformedRequestLines() {
        #expect(decode("GET  / HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .malformedRequestLine)
        #expect(decode("G(T / HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidMethod)
        #expect(decode(Array("GET /a".utf8) + [0x01] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8)).badRequestReason == .invalidTarget)
        #expect(decode(Array("GET /caf".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8)).badRequestReason == .invalidTarget)
    }

    @Test("Oversized request line is 414 as soon as the limit is crossed, before the line ends")
    func oversizedRequestLine() {
        let limits = RequestLimits(maxRequestLineBytes: 64)
        var decoder = RequestDecoder(limits: limits)
        decoder.append(Array(("GET /" + String(repeating: "a", count: 100)).utf8))
        #expect(decoder.next().error == .uriTooLong)
        #expect(decode("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: a\r\n\r\n").error == .uriTooLong)
    }

    @Test("Oversized header block is 431, even while it is still arriving")
    func oversizedHeaderBlock() {
        let limits = RequestLimits(maxHeaderBytes: 100)
        var decoder = RequestDecoder(limits: limits)
        decoder.append(Array("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "b", count: 200))".utf8))
        #expect(decoder.next().error == .headerFieldsTooLarge)
        let big = "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-Pad: \(String(repeating: "p", count: 1000))\r\n", count: 33) + "\r\n"
        #expect(decode(big).error == .headerFieldsTooLarge)
    }

    @Test("More than 100 header fields is 431")
    func tooManyHeaderFields() {
        let fields = (0..<101).map { "X-\($0): v\r\n" }.joined()
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n").error == .headerFieldsTooLarge)
        let fine = (0..<99).map { "X-\($0): v\r\n" }.joined()
        #expect(decode("GET / HTTP/1.1\r\nHost: a\r\n\(fine)\r\n").request != nil)
    }

    @Test("Path traversal: percent-encoded dots decode once, never twice")
    func percentDecodesOnce() {
        #expect(decode("GET /%252e%252e/x HTTP/1.1\r\nHost: a\r\n\r\n").request?.head.path == "/%2e%2e/x")
        #expect(decode("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidPath)
        #expect(decode("GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidPercentEncoding)
        #expect(decode("GET /a%C3 HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidPath)
        #expect(decode("GET /a% HTTP/1.1\r\nHost: a\r\n\r\n").badRequestReason == .invalidPercentEncoding)
    }

    @Test("An Expect other than 100-continue is 417")
    func unknownExpectation() {
        #expect(decode("PUT / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\nx").error == .expectationFailed)
    }

    @Test("Once the decoder has refused a request it refuses everything after it")
    func errorIsSticky() {
        var decoder = RequestDecoder(limits: RequestLimits())
        decoder.append(Array("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(decoder.next().badRequestReason == .missingHost)
        #expect(decoder.next().badRequestReason == .missingHost)
    }
}
