/// A text in Italian (the first language) and English.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var it: String
    public var en: String

    public init(it: String, en: String) {
        self.it = it
        self.en = en
    }

    /// The text in `language` ("it" or "en"), falling back to Italian.
    public func text(for language: String) -> String {
        language.hasPrefix("en") && !en.isEmpty ? en : it
    }
}
