import Testing
@testable import OfficinaApp

@Suite struct OfficinaAppSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
