/// A kind of help a programme asks for ("time", "skills", "a space"…), defined per programme in its seed.
public struct OfferKind: Codable, Sendable, Hashable {
    /// Stable key, e.g. `skills`: `[a-z][a-z0-9_-]{0,31}`, like goal keys.
    public var key: String
    public var label: LocalizedText

    public init(key: String, label: LocalizedText) {
        self.key = key
        self.label = label
    }

    /// The kinds a programme gets when its seed names none (and every programme of a database made
    /// before offers existed): the hub's own list.
    public static let defaults: [OfferKind] = [
        OfferKind(key: "time", label: LocalizedText(it: "tempo", en: "time")),
        OfferKind(key: "skills", label: LocalizedText(it: "competenze", en: "skills")),
        OfferKind(key: "space", label: LocalizedText(it: "uno spazio", en: "a space")),
        OfferKind(key: "contacts", label: LocalizedText(it: "contatti", en: "contacts")),
        OfferKind(key: "materials", label: LocalizedText(it: "materiali", en: "materials")),
        OfferKind(key: "funding", label: LocalizedText(it: "finanziamenti", en: "funding")),
    ]
}
