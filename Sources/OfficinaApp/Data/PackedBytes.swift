/// Little-endian fixed-width integers appended to a byte array: the writing half of ``PackedReader``.
struct PackedWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func put(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Overwrites the integer at `offset` (written earlier as a placeholder).
    mutating func patch<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (i, byte) in raw.enumerated() { bytes[offset + i] = byte }
        }
    }

    var count: Int { bytes.count }
}

/// Reads what ``PackedWriter`` wrote, checking every read against the end: a short or damaged
/// input throws ``PackedReader/Truncated`` instead of reading past it.
struct PackedReader {
    struct Truncated: Error {}

    private let base: UnsafeRawBufferPointer
    private(set) var offset: Int
    private let end: Int

    /// A reader over `base[range]`; `base` must outlive it.
    init(_ base: UnsafeRawBufferPointer, range: Range<Int>) {
        self.base = base
        offset = range.lowerBound
        end = range.upperBound
    }

    mutating func take<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        guard end - offset >= size else { throw Truncated() }
        let value = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// A count that must fit in what is left, at `minimumSize` bytes per item.
    mutating func takeCount<T: FixedWidthInteger>(_: T.Type, minimumSize: Int) throws -> Int {
        let count = Int(try take(T.self))
        guard count >= 0, count * max(1, minimumSize) <= end - offset else { throw Truncated() }
        return count
    }

    mutating func takeBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, end - offset >= count else { throw Truncated() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + count)])
    }
}

/// A 64-bit checksum of bytes, eight at a time: it catches a torn or damaged file (not an
/// adversary — whoever can write the file can write the database beside it).
enum PackedChecksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        var offset = 0
        while bytes.count - offset >= 8 {
            hash = mix(hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for (i, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(i)) }
        return mix(hash ^ tail ^ 0xff)
    }

    /// One multiply–xorshift round (as in SplitMix64's finaliser).
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 31)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 29)
    }
}
