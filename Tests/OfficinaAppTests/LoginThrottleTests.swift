import Testing
@testable import OfficinaApp

/// `LoginThrottle` on a clock of its own: all-or-nothing reservations and the allowances' refill.
@Suite struct LoginThrottleTests {
    final class Clock: @unchecked Sendable {
        var now = 1_000.0
    }

    static func granted(_ result: Result<LoginThrottle.Reservation, LoginThrottle.Wait>) -> Bool {
        if case .success = result { return true }
        return false
    }

    @Test func aRefusedAttemptSpendsNothingFromTheOtherBuckets() {
        let clock = Clock()
        let throttle = LoginThrottle(burst: 2, perSecond: 0.1, clock: { clock.now })
        #expect(Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: nil)))
        #expect(Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: nil)))
        // The pair is empty; the address (8) and the account (8) still hold 6 each.
        for _ in 0..<10 { #expect(!Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: nil))) }
        for index in 0..<6 { #expect(Self.granted(throttle.reserveLogin(client: "a", username: "u\(index)", device: nil))) }
        #expect(!Self.granted(throttle.reserveLogin(client: "a", username: "fresh", device: nil)))
    }

    @Test func theAccountAllowanceRefillsAtAQuarterOfTheRate() {
        let clock = Clock()
        let throttle = LoginThrottle(burst: 1, perSecond: 0.5, clock: { clock.now })
        for index in 0..<4 { #expect(Self.granted(throttle.reserveLogin(client: "c\(index)", username: "giulia", device: nil))) }
        guard case let .failure(wait) = throttle.reserveLogin(client: "c9", username: "giulia", device: nil) else {
            Issue.record("the account allowance should be spent")
            return
        }
        #expect(wait.seconds == 8)
        clock.now += 8
        #expect(Self.granted(throttle.reserveLogin(client: "c9", username: "giulia", device: nil)))
    }

    @Test func aDeviceHasItsOwnLaneAndASuccessGivesItsTokensBack() {
        let clock = Clock()
        let throttle = LoginThrottle(burst: 1, perSecond: 0.1, clock: { clock.now })
        #expect(Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: nil)))
        #expect(!Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: nil)))
        guard case let .success(reservation) = throttle.reserveLogin(client: "a", username: "giulia", device: "d1") else {
            Issue.record("the device lane should be open")
            return
        }
        throttle.release(reservation)
        #expect(Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: "d1")))
        #expect(!Self.granted(throttle.reserveLogin(client: "a", username: "giulia", device: "d1")))
    }
}
