/// Writes JSON text member by member into bytes, for answers whose shape is written by hand (the
/// ranking, ``RankingAnswer``): no `Encodable` walk, and each number rounded to a stated number of
/// decimals as it is written.
///
///     var writer = JSONTextWriter(capacity: 1024)
///     writer.object {
///         $0.member("rank") { $0.integer(1) }
///         $0.member("overall") { $0.number(54.3717, decimals: 2) }   // 54.37
///     }
///
/// Strings are escaped as ``JSONValue`` escapes them (so `<` is `\u003c`); a non-finite number is `null`.
struct JSONTextWriter {
    private(set) var output: [UInt8] = []
    /// Members or elements written so far into the innermost open object or array.
    private var count = 0

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    /// `{ … }`: `body` writes the members.
    mutating func object(_ body: (inout JSONTextWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// `[ … ]`: `body` writes the elements, each through ``element(_:)``.
    mutating func array(_ body: (inout JSONTextWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONTextWriter) -> Void) {
        let saved = count
        count = 0
        output.append(open)
        body(&self)
        output.append(close)
        count = saved
    }

    /// One member of the open object: its key, then the value `body` writes.
    mutating func member(_ key: String, _ body: (inout JSONTextWriter) -> Void) {
        separate()
        JSONValue.writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        body(&self)
    }

    /// One element of the open array, written by `body`.
    mutating func element(_ body: (inout JSONTextWriter) -> Void) {
        separate()
        body(&self)
    }

    private mutating func separate() {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
    }

    mutating func string(_ value: String) {
        JSONValue.writeString(value, into: &output)
    }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func integer<I: FixedWidthInteger>(_ value: I) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude)
    }

    mutating func bool(_ value: Bool) {
        output.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        output.append(contentsOf: "null".utf8)
    }

    /// `value` rounded half away from zero to `decimals` (0…9) places, without trailing zeros:
    /// 54.3717 with 2 → `54.37`, 0.5 with 3 → `0.5`, 2.0 → `2`. Non-finite, or too large to
    /// scale (1e15 or more after scaling) is written as `null` or by ``JSONValue/format(_:)``.
    mutating func number(_ value: Double, decimals: Int) {
        guard value.isFinite else { return null() }
        let scale = Self.powersOfTen[min(max(decimals, 0), 9)]
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 1e15 else { return output.append(contentsOf: JSONValue.format(value).utf8) }
        let units = Int64(scaled)
        if units < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        writeDigits(magnitude / UInt64(scale))
        var fraction = magnitude % UInt64(scale)
        guard fraction > 0 else { return }
        var places = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        output.append(UInt8(ascii: "."))
        // Leading zeros of the fraction: 0.05 is 5 with two places.
        var digits = 1
        var rest = fraction / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for _ in digits..<places { output.append(UInt8(ascii: "0")) }
        writeDigits(fraction)
    }

    mutating func optionalNumber(_ value: Double?, decimals: Int) {
        if let value { number(value, decimals: decimals) } else { null() }
    }

    /// Bytes already encoded as one JSON value.
    mutating func raw(_ bytes: [UInt8]) {
        output.append(contentsOf: bytes)
    }

    private mutating func writeDigits<U: UnsignedInteger>(_ value: U) {
        var value = UInt64(value)
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        // Twenty digits at most, written from the right into a buffer on the stack.
        withUnsafeMutableBytes(of: &buffer) { digits in
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[index...]))
        }
    }

    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]
}
