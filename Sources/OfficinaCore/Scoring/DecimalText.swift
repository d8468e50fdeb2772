/// Fixed-point text for numbers shown to people: no locale lookup, Italian decimal comma on request.
///
/// `String(format:)` and `NumberFormatter` depend on the process locale and are slow on Linux; the
/// ranking formats thousands of numbers, so it rounds and prints digits itself.
public enum DecimalText {
    /// `value` rounded half away from zero to `digits` decimals (0…6), e.g. `3.1`, or `3,1` with `comma`.
    /// Non-finite values print as `0` so no NaN ever reaches a reader.
    public static func format(_ value: Double, digits: Int, comma: Bool = false) -> String {
        var text = ""
        append(value, digits: digits, comma: comma, to: &text)
        return text
    }

    /// Appends `format(value, digits:, comma:)` to `text` without building intermediate strings.
    public static func append(_ value: Double, digits: Int, comma: Bool = false, to text: inout String) {
        let digits = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = value.isFinite ? (abs(value) * scale).rounded(.toNearestOrAwayFromZero) : 0
        guard scaled < 9e15 else {
            text += String(value)
            return
        }
        let units = Int(scaled)
        let divisor = Int(scale)
        if value < 0, units != 0 { text += "-" }
        text += String(units / divisor)
        guard digits > 0 else { return }
        text += comma ? "," : "."
        var fraction = units % divisor
        var place = divisor / 10
        while place > 0 {
            text.unicodeScalars.append(Unicode.Scalar(UInt8(48 + fraction / place)))
            fraction %= place
            place /= 10
        }
    }

    /// A share 0…1 as a whole percentage, e.g. `40%`.
    public static func percent(_ share: Double) -> String {
        format(share * 100, digits: 0) + "%"
    }
}
