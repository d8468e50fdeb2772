import Foundation

/// A token bucket per key (a client address): `burst` tokens, refilled at `perSecond`.
/// Used to slow down repeated failed logins and floods of joins from one address.
/// Memory is bounded: at most `maxKeys` buckets; full buckets are forgotten first.
public final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    public let burst: Double
    public let perSecond: Double
    let maxKeys: Int
    private let buckets = Protected([String: Bucket]())
    private let clock: @Sendable () -> Double

    public init(burst: Int, perSecond: Double, maxKeys: Int = 100_000,
                clock: @escaping @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }) {
        self.burst = Double(max(1, burst))
        self.perSecond = perSecond
        self.maxKeys = maxKeys
        self.clock = clock
    }

    /// Seconds until `key` may act again, or nil when it may act now. Does not spend a token.
    public func retryAfter(_ key: String) -> Int? {
        let now = clock()
        return buckets.withLock { buckets in
            guard let bucket = buckets[key] else { return nil }
            let tokens = refilled(bucket, now: now)
            return tokens >= 1 ? nil : wait(tokens)
        }
    }

    /// Spends one token for `key`: nil when allowed, else the seconds to wait.
    @discardableResult
    public func take(_ key: String) -> Int? {
        let now = clock()
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = refilled(bucket, now: now)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return wait(bucket.tokens)
            }
            bucket.tokens -= 1
            if buckets[key] == nil && buckets.count >= maxKeys { prune(&buckets, now: now) }
            buckets[key] = bucket
            return nil
        }
    }

    /// Forgets `key`, e.g. after a successful login.
    public func reset(_ key: String) {
        buckets.withLock { _ = $0.removeValue(forKey: key) }
    }

    private func refilled(_ bucket: Bucket, now: Double) -> Double {
        min(burst, bucket.tokens + max(0, now - bucket.updated) * perSecond)
    }

    private func wait(_ tokens: Double) -> Int {
        perSecond > 0 ? Int(((1 - tokens) / perSecond).rounded(.up)) : 3600
    }

    private func prune(_ buckets: inout [String: Bucket], now: Double) {
        buckets = buckets.filter { refilled($0.value, now: now) < burst }
        if buckets.count >= maxKeys { buckets.removeAll() }
    }
}
