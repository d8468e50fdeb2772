import Foundation

/// A workshop's 6-character join code, drawn from an alphabet without look-alikes
/// (no `0/O`, `1/I/L`, `5/S`, `2/Z`, `8/B`), case-insensitive on input.
public struct JoinCode: Codable, Sendable, Hashable, CustomStringConvertible {
    public static let length = 6
    public static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    public let value: String

    /// Parses user input: trims, upper-cases, and checks length and alphabet.
    public init?(_ input: String) {
        // Every request names its workshop by code: plain ASCII is read over bytes, anything else
        // (where upper-casing may change the length) takes Unicode's rules below.
        if let ascii = Self.asciiCode(input.utf8) {
            guard let ascii else { return nil }
            value = ascii
            return
        }
        let candidate = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard candidate.count == Self.length, candidate.allSatisfy(Self.alphabet.contains) else { return nil }
        value = candidate
    }

    /// The code in all-ASCII `input` (`nil` inside when it is not one), or `nil` when `input` is not
    /// all ASCII. Same rule as the general path: spaces and tabs trimmed, letters upper-cased.
    private static func asciiCode(_ input: String.UTF8View) -> String?? {
        guard input.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes = ArraySlice(input)
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        guard bytes.count == length else { return .some(nil) }
        var code: [UInt8] = []
        code.reserveCapacity(length)
        for byte in bytes {
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
            guard asciiAlphabet.contains(upper) else { return .some(nil) }
            code.append(upper)
        }
        return .some(String(decoding: code, as: UTF8.self))
    }

    private static let asciiAlphabet = Set(alphabet.compactMap(\.asciiValue))

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
