import Testing
@testable import OfficinaStore

@Suite struct OfficinaStoreSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
