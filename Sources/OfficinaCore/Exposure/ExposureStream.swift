/// A deterministic stream of random numbers derived from a server-side secret: block i is
/// HMAC-SHA256(secret, context ‖ i), read as four 64-bit words.
///
/// Without the secret nobody can predict a participant's order (the old order hashed public ids), and
/// with it the same participant gets the same order on every reload.
public struct ExposureStream: Sendable {
    private let mac: HMACSHA256
    private let context: [UInt8]
    private var counter: UInt64 = 0
    private var words: [UInt64] = []

    /// A stream for `context` (for instance "workshop:participant") under `secret`.
    public init(secret: [UInt8], context: String) {
        mac = HMACSHA256(key: secret)
        self.context = Array(context.utf8)
    }

    /// The next 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        if words.isEmpty {
            var message = context
            message.append(0)
            withUnsafeBytes(of: counter.bigEndian) { message.append(contentsOf: $0) }
            counter &+= 1
            let block = mac.authenticationCode(for: message)
            words = stride(from: 0, to: block.count, by: 8).reversed().map { start in
                block[start..<start + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            }
        }
        return words.removeLast()
    }

    /// A uniform integer in 0..<bound (bound ≥ 1), without modulo bias: draws that fall in the
    /// incomplete last copy of 0..<bound within 2⁶⁴ are rejected and drawn again.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound >= 1, "bound must be positive")
        let n = UInt64(bound)
        // 2⁶⁴ mod n, computed without overflow; draws below it would favour small values.
        let threshold = (0 &- n) % n
        while true {
            let draw = next()
            if draw >= threshold { return Int(draw % n) }
        }
    }

    /// The positions 0..<count in the order ``shuffled(_:)`` would put `count` items: for any array
    /// `items` of that length, `permutation(count:).map { items[Int($0)] }` equals `shuffled(items)`
    /// drawn from the same point of the stream.
    public mutating func permutation(count: Int) -> [Int32] {
        shuffled((0..<Int32(clamping: count)).map { $0 })
    }

    /// `items` in a uniformly random order (Fisher–Yates, Knuth vol. 2 §3.4.2, Algorithm P).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var i = result.count - 1
        while i > 0 {
            let j = below(i + 1)
            result.swapAt(i, j)
            i -= 1
        }
        return result
    }
}
