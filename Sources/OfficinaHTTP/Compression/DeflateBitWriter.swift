/// Bits packed as DEFLATE wants them (RFC 1951 §3.1.1): each value least significant bit first,
/// filling each byte from its low end.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends the low `width` bits of `value` (at most 32).
    mutating func write(_ value: UInt32, width: Int) {
        buffer |= UInt64(value) << UInt64(count)
        count += width
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Pads with zero bits to the next byte boundary.
    mutating func alignToByte() {
        if count > 0 { write(0, width: 8 - count) }
    }

    /// Appends whole bytes; the writer must be at a byte boundary.
    mutating func append(contentsOf raw: ArraySlice<UInt8>) {
        precondition(count == 0, "raw bytes need a byte boundary")
        bytes.append(contentsOf: raw)
    }

    /// Everything written, the last byte padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
