import OfficinaHTTP
import Testing
@testable import OfficinaApp

/// The security headers go out as pre-encoded blocks: the same fields, values and order as when
/// they were added one by one, with the same replacement rules.
@Suite struct SecurityHeadersTests {
    static let policyNames = ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"]

    func applied(_ headers: HTTPHeaders, path: String) -> [(name: String, value: String)] {
        var response = HTTPResponse(status: .ok, headers: headers)
        SecurityHeaders.apply(to: &response, path: path)
        return response.headers.fields
    }

    @Test func aPageGetsThePolicyAfterItsOwnFieldsInTheUsualOrder() {
        let fields = applied(["Content-Type": "text/html"], path: "/w/ABC")
        #expect(fields.map(\.name) == ["Content-Type", "Content-Security-Policy"] + Self.policyNames)
        #expect(fields[1].value == SecurityHeaders.contentSecurityPolicy)
        #expect(fields.map(\.value).suffix(4) == ["nosniff", "same-origin", "DENY", "same-origin"])
    }

    @Test func anAPIAnswerIsNeverCachedUnlessItSaysSo() {
        #expect(applied([:], path: "/api/programmes").last.map { "\($0.name): \($0.value)" } == "Cache-Control: no-store")
        let own = applied(["Cache-Control": "private, max-age=5"], path: "/api/workshops/ABC/ranking")
        #expect(own.filter { $0.name == "Cache-Control" }.map(\.value) == ["private, max-age=5"])
    }

    @Test func aHandlersOwnPolicyIsKeptButItsFramingHeadersAreReplaced() {
        let fields = applied(["Content-Security-Policy": "sandbox", "x-frame-options": "ALLOWALL", "Content-Type": "text/html"],
                             path: "/report")
        #expect(fields.map(\.name) == ["Content-Security-Policy", "Content-Type"] + Self.policyNames)
        #expect(fields[0].value == "sandbox")
        #expect(fields.filter { $0.name.caseInsensitiveEquals("X-Frame-Options") }.map(\.value) == ["DENY"])
    }
}
