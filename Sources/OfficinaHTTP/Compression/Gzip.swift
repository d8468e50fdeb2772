/// The gzip file format (RFC 1952) around a ``Deflate`` stream: what `Content-Encoding: gzip` carries.
public enum Gzip {
    /// `input` as one gzip member: a 10-byte header (no name, no time, OS "Unix"), the DEFLATE
    /// data, then CRC-32 and length mod 2³², little-endian.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        output.append(contentsOf: Deflate.compress(input))
        let crc = CRC32.checksum(input), size = UInt32(truncatingIfNeeded: input.count)
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: size >> UInt32(shift))) }
        return output
    }
}
