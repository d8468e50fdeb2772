/// Escapes text for HTML element content and quoted attribute values (HTML Living Standard §13.1.2.6
/// and §13.5 "Serializing HTML fragments"): `&`, `<`, `>`, `"` and `'`, so user text can never open a
/// tag, close an attribute or start an entity. SVG embedded in HTML follows the same rules.
public enum HTMLText {
    /// `text` with `& < > " '` replaced by references and NUL by U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// `text` shortened to `limit` characters with an ellipsis, for chart labels.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 1))) + "…"
    }
}
