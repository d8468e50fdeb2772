/// A group a participant may say they belong to when joining (e.g. resident, professional), defined
/// per programme. Declaring one is optional; the ranking uses groups only for broad support
/// (docs/scoring.md §19).
public struct ParticipantGroup: Codable, Sendable, Hashable {
    /// Stable key, `[a-z][a-z0-9_-]{0,31}` like a goal's.
    public var key: String
    public var label: LocalizedText

    public init(key: String, label: LocalizedText) {
        self.key = key
        self.label = label
    }

    /// Whether `key` has the shape of a group key.
    public static func isValidKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
              key.utf8.count <= 32 else { return false }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
