import Testing
@testable import OfficinaHTTP

@Suite("Safe paths for static files")
struct SafePathTests {
    @Test("Ordinary paths decode into segments")
    func ordinaryPaths() {
        #expect(SafePath.segments("/css/site%20main.css") == .success(["css", "site main.css"]))
        #expect(SafePath.segments("/") == .success([]))
        #expect(SafePath.segments("//a///b/") == .success(["a", "b"]))
    }

    @Test("Traversal with plain, encoded and double-encoded dots is refused or harmless")
    func traversalAfterDecoding() {
        #expect(SafePath.segments("/../etc/passwd") == .failure(.dotSegment))
        #expect(SafePath.segments("/%2e%2e/etc/passwd") == .failure(.dotSegment))
        #expect(SafePath.segments("/%2E%2e/etc/passwd") == .failure(.dotSegment))
        #expect(SafePath.segments("/.%2e/etc") == .failure(.dotSegment))
        #expect(SafePath.segments("/a/./b") == .failure(.dotSegment))
        // Decoded once: "%2e%2e" stays a literal file name, which cannot climb.
        #expect(SafePath.segments("/%252e%252e/x") == .success(["%2e%2e", "x"]))
    }

    @Test("Encoded slashes and backslashes are refused before decoding")
    func encodedSeparators() {
        #expect(SafePath.segments("/..%2fetc/passwd") == .failure(.encodedSeparator))
        #expect(SafePath.segments("/a%2Fb") == .failure(.encodedSeparator))
        #expect(SafePath.segments("/..%5c..%5cwindows") == .failure(.encodedSeparator))
        #expect(SafePath.segments("/a\\b") == .failure(.forbiddenByte))
    }

    @Test("NUL, control bytes and dot-files are refused")
    func forbiddenBytes() {
        #expect(SafePath.segments("/a%00.html") == .failure(.malformedEncoding))
        #expect(SafePath.segments("/a%0a.html") == .failure(.forbiddenByte))
        #expect(SafePath.segments("/.git/config") == .failure(.dotSegment))
        #expect(SafePath.segments("/%zz") == .failure(.malformedEncoding))
    }
}
