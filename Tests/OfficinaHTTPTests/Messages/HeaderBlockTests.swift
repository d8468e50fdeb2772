import Testing
@testable import OfficinaHTTP

@Suite("Pre-encoded header blocks")
struct HeaderBlockTests {
    static let policy: [(name: String, value: String)] = [
        ("Content-Security-Policy", "default-src 'self'; object-src 'none'"), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY"),
    ]

    /// The bytes the encoder writes for a 200 with `headers` and a short body.
    func encoded(_ headers: HTTPHeaders) -> String {
        var output: [UInt8] = []
        let context = ResponseEncoder.Context(isHead: false, keepAlive: true, minorVersion: 1, date: "Thu, 03 Dec 2026 14:00:00 GMT")
        ResponseEncoder.encode(status: .ok, headers: headers, body: Array("ok".utf8), context: context, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test("A block goes out byte for byte as the same fields set one by one")
    func blockIsByteIdenticalToFieldsSetOneByOne() {
        var oneByOne: HTTPHeaders = ["Content-Type": "text/plain", "X-Frame-Options": "SAMEORIGIN"]
        for field in Self.policy { oneByOne.remove(field.name) }
        for (name, value) in Self.policy { oneByOne.add(name, value) }
        var withBlock: HTTPHeaders = ["Content-Type": "text/plain", "X-Frame-Options": "SAMEORIGIN"]
        withBlock.set(HeaderBlock(Self.policy))
        #expect(encoded(withBlock) == encoded(oneByOne))
        #expect(withBlock.fields.map(\.name) == oneByOne.fields.map(\.name))
        #expect(withBlock["x-frame-options"] == "DENY")
        #expect(withBlock.block != nil)
    }

    @Test("A block after another block replaces its same-named fields, and the result is reused")
    func blockAfterBlockReplacesAndIsBuiltOnce() {
        let file = HeaderBlock([("Content-Type", "text/css"), ("ETag", "\"1\""), ("X-Content-Type-Options", "nosniff")])
        let policy = HeaderBlock(Self.policy)
        var first = HTTPHeaders()
        first.set(file)
        first.set(policy)
        var second = HTTPHeaders()
        second.set(file)
        second.set(policy)
        #expect(first.block === second.block)
        var plain: HTTPHeaders = ["Content-Type": "text/css", "ETag": "\"1\""]
        for (name, value) in Self.policy { plain.add(name, value) }
        #expect(encoded(first) == encoded(plain))
    }

    @Test("Fields added after a block stay after it; removing a block's field keeps the others in order")
    func fieldsAroundABlockKeepTheirPlace() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain"]
        headers.set(HeaderBlock(Self.policy))
        headers.add("Set-Cookie", "a=1")
        #expect(headers.fields.map(\.name) == ["Content-Type"] + Self.policy.map(\.name) + ["Set-Cookie"])
        #expect(encoded(headers).contains("X-Frame-Options: DENY\r\nSet-Cookie: a=1\r\n"))
        headers.remove("Referrer-Policy")
        #expect(headers.block == nil)
        #expect(headers.fields.map(\.name) == ["Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Set-Cookie"])
        #expect(!encoded(headers).contains("Referrer-Policy"))
    }

    @Test("A block with a header injection is checked on every answer, so the server refuses it")
    func injectedBlockIsNotTrusted() {
        let injected = HeaderBlock([("X-Note", "fine"), ("X-Evil", "a\r\nSet-Cookie: stolen=1")])
        #expect(injected.encoded == nil)
        var headers = HTTPHeaders()
        headers.set(injected)
        #expect(headers.block == nil)
        #expect(!ResponseEncoder.headersAreSafe(headers))
        let badName = HeaderBlock([("Bad Name", "x")])
        var named = HTTPHeaders()
        named.set(badName)
        #expect(!ResponseEncoder.headersAreSafe(named))
    }

    @Test("Framing fields in a block are never written from it: Content-Length comes from the body")
    func framingFieldsAreNotPreEncoded() {
        let framing = HeaderBlock([("Content-Length", "999"), ("X-Note", "fine")])
        #expect(framing.encoded == nil)
        var headers = HTTPHeaders()
        headers.set(framing)
        let text = encoded(headers)
        #expect(!text.contains("999"))
        #expect(text.contains("Content-Length: 2\r\n"))
        #expect(text.contains("X-Note: fine\r\n"))
    }
}
