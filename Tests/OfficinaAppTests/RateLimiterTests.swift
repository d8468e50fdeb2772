import Testing
@testable import OfficinaApp

@Suite struct RateLimiterTests {
    final class Clock: @unchecked Sendable {
        var now = 1_000.0
    }

    @Test func aBurstIsAllowedThenRefusedUntilTheBucketRefills() {
        let clock = Clock()
        let limiter = RateLimiter(burst: 3, perSecond: 0.5, clock: { clock.now })
        #expect((0..<3).map { _ in limiter.take("1.2.3.4") } == [nil, nil, nil])
        #expect(limiter.take("1.2.3.4") == 2)
        #expect(limiter.take("5.6.7.8") == nil)
        clock.now += 2
        #expect(limiter.take("1.2.3.4") == nil)
        #expect(limiter.retryAfter("1.2.3.4") == 2)
    }

    @Test func memoryStaysBoundedUnderManyAddresses() {
        let limiter = RateLimiter(burst: 1, perSecond: 0, maxKeys: 100)
        for index in 0..<1_000 { limiter.take("10.0.\(index / 256).\(index % 256)") }
        #expect(limiter.retryAfter("10.0.0.0") == nil)
    }
}
