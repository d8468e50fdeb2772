import Foundation

/// A way to reach someone who offered help: an e-mail address or a phone number, checked for shape
/// (not for existence) and stored in one canonical spelling.
///
/// ```swift
/// ContactDetail(parsing: " Giulia@Example.org ")   // .email("Giulia@example.org")
/// ContactDetail(parsing: "+39 011 123 4567")       // .phone("+390111234567")
/// ContactDetail(parsing: "call me")                // nil
/// ```
public enum ContactDetail: Sendable, Hashable {
    case email(String)
    case phone(String)

    /// `email` or `phone`.
    public var type: String {
        switch self {
        case .email: "email"
        case .phone: "phone"
        }
    }

    /// The canonical text.
    public var value: String {
        switch self {
        case let .email(address): address
        case let .phone(number): number
        }
    }

    /// Rebuilds a stored contact; nil for an unknown type.
    public init?(type: String, value: String) {
        switch type {
        case "email": self = .email(value)
        case "phone": self = .phone(value)
        default: return nil
        }
    }

    /// Parses what a person typed; nil when it is neither an e-mail address nor a phone number.
    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        // RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254.
        guard !text.isEmpty, text.utf8.count <= 254 else { return nil }
        if text.contains("@") {
            guard let address = Self.email(text) else { return nil }
            self = .email(address)
        } else {
            guard let number = Self.phone(text) else { return nil }
            self = .phone(number)
        }
    }

    /// `local@domain` with a dotted domain of letters, digits and hyphens; the domain lower-cased.
    /// Deliberately narrower than RFC 5322 (no quoted local parts, no comments, no IP literals).
    private static func email(_ text: String) -> String? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0], domain = parts[1].lowercased()
        let localAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard (1...64).contains(local.utf8.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.unicodeScalars.allSatisfy(localAllowed.contains) else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")
        guard labels.count >= 2, domain.utf8.count <= 253 else { return nil }
        for label in labels {
            guard (1...63).contains(label.utf8.count), !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.unicodeScalars.allSatisfy(labelAllowed.contains) else { return nil }
        }
        guard let top = labels.last, top.count >= 2, top.unicodeScalars.allSatisfy({ CharacterSet.letters.contains($0) }) else {
            return nil
        }
        return "\(local)@\(domain)"
    }

    /// Digits with an optional leading `+` and the usual separators (space, `-`, `.`, `/`, brackets);
    /// 6 to 15 digits (ITU-T E.164 allows at most 15). Stored as `+` and digits only.
    private static func phone(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for (index, character) in text.enumerated() {
            switch character {
            case "+" where index == 0: plus = true
            case "0"..."9": digits.append(character)
            case " ", "-", ".", "/", "(", ")": continue
            default: return nil
            }
        }
        guard (6...15).contains(digits.count) else { return nil }
        return (plus ? "+" : "") + digits
    }
}
