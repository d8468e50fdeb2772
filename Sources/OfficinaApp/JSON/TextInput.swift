import Foundation

/// Normalises a user text before it is checked or stored: Unicode NFC (UAX #15), control
/// characters removed (newlines kept in multi-line texts), surrounding whitespace trimmed.
/// Lengths count user-perceived characters after normalisation.
public enum TextInput {
    public static func normalise(_ raw: String, field: String, length: ClosedRange<Int>, multiline: Bool) throws -> String {
        let text = clean(raw, multiline: multiline)
        if text.count < length.lowerBound {
            if text.isEmpty { throw APIError.invalid(field, "\(field) must not be empty.", code: "required") }
            throw APIError.invalid(field, "\(field) must be at least \(length.lowerBound) characters.", code: "too_short")
        }
        if text.count > length.upperBound {
            throw APIError.invalid(field, "\(field) must be at most \(length.upperBound) characters.", code: "too_long")
        }
        return text
    }

    /// NFC, without control or bidi-override characters, trimmed.
    public static func clean(_ raw: String, multiline: Bool) -> String {
        let composed = raw.replacingOccurrences(of: "\r\n", with: "\n").precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control:
                if scalar == "\n" && multiline { scalars.append(scalar) }
                else if scalar == "\t" || scalar == "\n" || scalar == "\r" { scalars.append(" ") }
            case .format where (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
                continue
            case .lineSeparator, .paragraphSeparator:
                scalars.append(multiline ? "\n" : " ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
