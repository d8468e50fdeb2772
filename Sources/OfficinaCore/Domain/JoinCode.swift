import Foundation

/// A workshop's 6-character join code, drawn from an alphabet without look-alikes
/// (no `0/O`, `1/I/L`, `5/S`, `2/Z`, `8/B`), case-insensitive on input.
public struct JoinCode: Codable, Sendable, Hashable, CustomStringConvertible {
    public static let length = 6
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    public let value: String

    /// Parses user input: trims, upper-cases, and checks length and alphabet.
    public init?(_ input: String) {
        let candidate = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard candidate.count == Self.length, candidate.allSatisfy(Self.alphabet.contains) else { return nil }
        value = candidate
    }

    /// A fresh random code.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> JoinCode {
        var characters = ""
        for _ in 0..<length {
            characters.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return JoinCode(validated: characters)
    }

    private init(validated: String) {
        value = validated
    }

    public static func random() -> JoinCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public var description: String { value }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let code = JoinCode(raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a join code"))
        }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
