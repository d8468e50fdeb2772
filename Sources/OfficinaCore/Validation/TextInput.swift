import Foundation

/// Normalisation applied to every text a person types before it is checked or stored.
///
/// In order: line breaks are unified (CRLF, CR, U+2028, U+2029 become `\n`; in single-line fields, a
/// space); a tab becomes a space; control characters (Unicode category Cc, C0 and C1) are dropped, and
/// so are the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069
/// (the "Trojan Source" characters, CVE-2021-42574) and the byte-order mark U+FEFF; the result is put in
/// Unicode Normalization Form C (UAX #15) so that one text has one spelling; single-line text has runs of
/// whitespace collapsed to one space; multi-line text keeps at most one blank line in a row; both are trimmed.
public enum TextInput {
    /// The cleaned form of `raw`.
    public static func clean(_ raw: String, multiline: Bool) -> String {
        var kept = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in raw.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCarriageReturn:
                continue
            case 0x0A, 0x0D, 0x2028, 0x2029:
                kept.append(multiline ? "\n" : " ")
            case 0x09:
                kept.append(" ")
            case 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                continue
            default:
                if scalar.properties.generalCategory == .control { continue }
                kept.append(scalar)
            }
        }
        let composed = String(kept).precomposedStringWithCanonicalMapping
        let shaped = multiline ? limitBlankLines(composed) : collapseWhitespace(composed)
        return shaped.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `text` shows nothing: only whitespace and default-ignorable characters (zero-width
    /// spaces, joiners, variation selectors…), so "​" cannot pass as a name.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint }
    }

    /// The most combining marks (general categories Mn, Mc and Me) carried by any one Character of
    /// `text`: 0 for plain text, 1 for "é" typed as e + U+0301 and not composed, hundreds for "Zalgo".
    public static func mostMarksOnOneCharacter(_ text: String) -> Int {
        var most = 0
        for character in text {
            var marks = 0
            for scalar in character.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: marks += 1
                default: break
                }
            }
            most = max(most, marks)
        }
        return most
    }

    private static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var inWhitespace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inWhitespace { out.append(" ") }
                inWhitespace = true
            } else {
                out.append(scalar)
                inWhitespace = false
            }
        }
        return String(out)
    }

    /// Keeps at most two line breaks in a row (one blank line), ignoring spaces between them, and drops
    /// trailing spaces at the end of each line.
    private static func limitBlankLines(_ text: String) -> String {
        var lines = [Substring]()
        var blankRun = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while let last = trimmed.unicodeScalars.last, last.properties.isWhitespace { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty {
                blankRun += 1
                if blankRun > 1 { continue }
            } else {
                blankRun = 0
            }
            lines.append(trimmed)
        }
        return lines.joined(separator: "\n")
    }
}
