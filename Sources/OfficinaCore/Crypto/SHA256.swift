/// SHA-256 (FIPS 180-4, https://doi.org/10.6028/NIST.FIPS.180-4), written for Officina.
///
/// ```swift
/// let digest = SHA256.hash("abc".utf8)      // 32 bytes
/// var hasher = SHA256()
/// hasher.update("ab".utf8); hasher.update("c".utf8)
/// hasher.digest() == digest                 // true
/// ```
public struct SHA256: Sendable {
    /// Digest length in bytes.
    public static let digestByteCount = 32
    /// Block length in bytes.
    public static let blockByteCount = 64

    private var state: SHA256State
    /// Bytes received but not yet compressed; always fewer than 64.
    private var pending: [UInt8]
    /// Total message length so far, in bytes.
    private var byteCount: UInt64

    /// A hasher for a new message.
    public init() {
        self.init(resuming: .initial, byteCount: 0)
    }

    /// A hasher that continues from `state` after `byteCount` bytes (a multiple of 64) were compressed,
    /// as HMAC does with its precomputed padded-key states.
    init(resuming state: SHA256State, byteCount: UInt64) {
        self.state = state
        self.byteCount = byteCount
        pending = []
        pending.reserveCapacity(Self.blockByteCount)
    }

    /// Appends bytes to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Appends the bytes in `buffer` to the message.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        byteCount &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(Self.blockByteCount - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            guard pending.count == Self.blockByteCount else { return }
            var state = self.state
            SHA256State.withScratch { w, k in
                pending.withUnsafeBytes { state.compress(block: $0.baseAddress.unsafelyUnwrapped, schedule: w, constants: k) }
            }
            self.state = state
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocks = (buffer.count - offset) / Self.blockByteCount
        if wholeBlocks > 0 {
            var state = self.state
            SHA256State.withScratch { w, k in
                for block in 0..<wholeBlocks {
                    state.compress(block: base + offset + block * Self.blockByteCount, schedule: w, constants: k)
                }
            }
            self.state = state
            offset += wholeBlocks * Self.blockByteCount
        }
        if offset < buffer.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset))
        }
    }

    /// The digest of everything appended so far. The hasher itself is unchanged and may keep going.
    public func digest() -> [UInt8] {
        finalState().bytes
    }

    /// Pads the message (FIPS 180-4 §5.1.1: a 1 bit, zeros, then the 64-bit bit length) and compresses
    /// the last one or two blocks.
    func finalState() -> SHA256State {
        var tail = pending
        tail.append(0x80)
        let padTo = tail.count <= 56 ? 56 : 120
        tail.append(contentsOf: repeatElement(0, count: padTo - tail.count))
        let bitLength = byteCount &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        var state = self.state
        SHA256State.withScratch { w, k in
            tail.withUnsafeBytes { bytes in
                let base = bytes.baseAddress.unsafelyUnwrapped
                for block in 0..<(bytes.count / Self.blockByteCount) {
                    state.compress(block: base + block * Self.blockByteCount, schedule: w, constants: k)
                }
            }
        }
        return state
    }

    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.digest()
    }

    /// The SHA-256 digest of `bytes` as 64 lower-case hexadecimal digits.
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(hash(bytes))
    }
}
