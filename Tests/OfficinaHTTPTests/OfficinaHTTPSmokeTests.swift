import Testing
@testable import OfficinaHTTP

@Suite struct OfficinaHTTPSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
