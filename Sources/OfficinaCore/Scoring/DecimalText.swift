/// Fixed-point text for numbers shown to people: no locale lookup, Italian decimal comma on request.
///
/// `String(format:)` and `NumberFormatter` depend on the process locale and are slow on Linux; the
/// ranking formats thousands of numbers, so it rounds and prints digits itself.
public enum DecimalText {
    /// `value` rounded half away from zero to `digits` decimals (0…6), e.g. `3.1`, or `3,1` with `comma`.
    /// Non-finite values print as `0` so no NaN ever reaches a reader.
    public static func format(_ value: Double, digits: Int, comma: Bool = false) -> String {
        let digits = min(max(digits, 0), 6)
        guard value.isFinite else { return digits == 0 ? "0" : "0" + (comma ? "," : ".") + zeros(digits) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let divisor = Int(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        let whole = String(units / divisor)
        guard digits > 0 else { return sign + whole }
        var fraction = String(units % divisor)
        if fraction.count < digits { fraction = zeros(digits - fraction.count) + fraction }
        return sign + whole + (comma ? "," : ".") + fraction
    }

    /// A share 0…1 as a whole percentage, e.g. `40%`.
    public static func percent(_ share: Double) -> String {
        format(share * 100, digits: 0) + "%"
    }

    private static func zeros(_ count: Int) -> String {
        String(repeating: "0", count: count)
    }
}
