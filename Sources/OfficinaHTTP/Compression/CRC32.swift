/// CRC-32 as gzip (RFC 1952 §8) and zip use it: polynomial 0x04C11DB7, reflected, initial value and
/// final XOR 0xFFFFFFFF. `CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926`.
public enum CRC32 {
    /// The remainder of every byte value, computed once.
    private static let table: [UInt32] = (0...255).map { byte in
        var value = UInt32(byte)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }

    /// The checksum of `bytes`, continuing from `running` (the checksum of what came before).
    public static func checksum(_ bytes: some Collection<UInt8>, continuing running: UInt32 = 0) -> UInt32 {
        var crc = ~running
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return ~crc
    }
}
