import Foundation

/// Slows down password guessing without letting a stranger lock a facilitator out.
///
/// Every attempt is *reserved* before its password is checked: one token is taken, atomically, from
/// each bucket that applies, and the check runs only when all of them had one. Sixty requests arriving
/// at once therefore cost at most `burst` password checks, not sixty. A successful login gives its
/// tokens back afterwards, so signing in often is never throttled; failures are never given back, so
/// at most `burst` wrong passwords are checked per bucket before the refill rate rules.
///
/// Which buckets apply (docs/security.md, "Password guessing"):
/// - an attempt from a browser holding a *device cookie* of the account it names (it signed in there
///   before) counts only against that device, so failures by anyone else, from the same address or
///   not, never keep it out;
/// - any other attempt counts against its client address and username together, its client address
///   alone (a wider allowance, against trying many usernames), and its username alone at a slower
///   refill (against guessing one account from many addresses).
public final class LoginThrottle: Sendable {
    /// How many attempts a bucket allows at once and how fast it refills.
    public struct Allowance: Sendable, Hashable {
        public var burst: Double
        public var perSecond: Double
    }

    /// Tokens taken by one attempt, given back if it succeeds.
    public struct Reservation: Sendable {
        let keys: [String]
    }

    struct Bucket {
        var tokens: Double
        var updated: Double
        var allowance: Allowance
    }

    /// Per address and username, and per device: `burst` attempts, then `perSecond`.
    public let pair: Allowance
    /// Per address, whatever the username: four times the pair's burst.
    public let address: Allowance
    /// Per username from browsers it never signed in from: four times the burst, a quarter of the refill.
    public let account: Allowance
    let maxKeys: Int
    private let buckets = Protected([String: Bucket]())
    private let clock: @Sendable () -> Double

    public init(burst: Int, perSecond: Double, maxKeys: Int = 100_000,
                clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) {
        let burst = Double(max(1, burst))
        pair = Allowance(burst: burst, perSecond: perSecond)
        address = Allowance(burst: burst * 4, perSecond: perSecond)
        account = Allowance(burst: burst * 4, perSecond: perSecond / 4)
        self.maxKeys = maxKeys
        self.clock = clock
    }

    /// Reserves a login attempt. `device` is the digest of a device cookie already checked to belong
    /// to the account named `username`. Returns the reservation, or the seconds to wait.
    public func reserveLogin(client: String, username: String, device: String?) -> Result<Reservation, Wait> {
        let name = username.lowercased()
        if let device { return reserve([("device|\(device)", pair)]) }
        return reserve([("pair|\(client)|\(name)", pair), ("address|\(client)", address), ("account|\(name)", account)])
    }

    /// Reserves a first-run setup attempt from `client`.
    public func reserveSetup(client: String) -> Result<Reservation, Wait> {
        reserve([("setup|\(client)", pair)])
    }

    /// Seconds to wait before trying again.
    public struct Wait: Error, Sendable {
        public let seconds: Int
    }

    /// Takes one token from every bucket in `keys`, or from none when any is empty.
    func reserve(_ keys: [(String, Allowance)]) -> Result<Reservation, Wait> {
        let now = clock()
        return buckets.withLock { buckets in
            var updated: [(String, Bucket)] = []
            var longest = 0
            for (key, allowance) in keys {
                var bucket = buckets[key] ?? Bucket(tokens: allowance.burst, updated: now, allowance: allowance)
                bucket.tokens = Self.refilled(bucket, now: now)
                bucket.updated = now
                if bucket.tokens < 1 { longest = max(longest, Self.wait(bucket)) }
                updated.append((key, bucket))
            }
            if buckets.count + keys.count > maxKeys { prune(&buckets, now: now) }
            for (key, var bucket) in updated {
                if longest == 0 { bucket.tokens -= 1 }
                buckets[key] = bucket
            }
            return longest == 0 ? .success(Reservation(keys: keys.map(\.0))) : .failure(Wait(seconds: longest))
        }
    }

    /// Gives a successful attempt's tokens back.
    public func release(_ reservation: Reservation) {
        buckets.withLock { buckets in
            for key in reservation.keys {
                guard var bucket = buckets[key] else { continue }
                bucket.tokens = min(bucket.allowance.burst, bucket.tokens + 1)
                buckets[key] = bucket
            }
        }
    }

    private static func refilled(_ bucket: Bucket, now: Double) -> Double {
        min(bucket.allowance.burst, bucket.tokens + max(0, now - bucket.updated) * bucket.allowance.perSecond)
    }

    private static func wait(_ bucket: Bucket) -> Int {
        bucket.allowance.perSecond > 0 ? max(1, Int(((1 - bucket.tokens) / bucket.allowance.perSecond).rounded(.up))) : 3600
    }

    /// Forgets full buckets first; if that is not enough, everything (a flood of fresh keys must not
    /// grow memory without bound).
    private func prune(_ buckets: inout [String: Bucket], now: Double) {
        buckets = buckets.filter { Self.refilled($0.value, now: now) < $0.value.allowance.burst }
        if buckets.count >= maxKeys { buckets.removeAll() }
    }
}
