import Testing
@testable import OfficinaApp

/// The server caps glibc's malloc arenas unless the operator chose a number themself.
@Suite struct HeapArenasTests {
    @Test func anOperatorsOwnArenaSettingIsLeftAlone() {
        #expect(HeapArenas.limit(to: 2, environment: ["MALLOC_ARENA_MAX": "8"]) == nil)
        #expect(HeapArenas.limit(to: 2, environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=8"]) == nil)
    }

    @Test func withoutOneTheLimitIsSet() {
        #if os(Linux)
        #expect(HeapArenas.limit(to: HeapArenas.defaultLimit, environment: [:]) == HeapArenas.defaultLimit)
        #endif
        #expect(HeapArenas.defaultLimit >= 2)
    }

    @Test func aLimitOfNothingIsRefused() {
        #expect(HeapArenas.limit(to: 0, environment: [:]) == nil)
    }
}
