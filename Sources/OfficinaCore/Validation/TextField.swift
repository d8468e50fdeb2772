/// A text field a person fills in, with its length limits: cleans with `TextInput` and checks the length
/// in Characters (extended grapheme clusters, what a person sees as one character).
///
/// ```swift
/// let name = try TextField.displayName.clean(body.name)       // "Giulia", or DomainError(.invalid, code: "name_length")
/// let title = try TextField.workshopTitle.clean(body.title)   // LocalizedText; field "title.it" / "title.en" on error
/// ```
public struct TextField: Sendable, Hashable {
    /// The JSON field name, used in error `field` and in the code `<field>_length`.
    public let field: String
    /// Allowed length in Characters after cleaning.
    public let lengths: ClosedRange<Int>
    /// Whether line breaks are kept.
    public let multiline: Bool

    public init(field: String, lengths: ClosedRange<Int>, multiline: Bool) {
        self.field = field
        self.lengths = lengths
        self.multiline = multiline
    }

    /// A participant's display name: 1–40.
    public static let displayName = TextField(field: "name", lengths: 1...Participant.maxNameLength, multiline: false)
    /// A proposal's title: 1–120.
    public static let proposalTitle = TextField(field: "title", lengths: 1...Proposal.maxTitleLength, multiline: false)
    /// A proposal's body: 0–2,000, multi-line.
    public static let proposalBody = TextField(field: "body", lengths: 0...Proposal.maxBodyLength, multiline: true)
    /// A build-on: 1–500, multi-line.
    public static let buildOnText = TextField(field: "text", lengths: 1...BuildOn.maxTextLength, multiline: true)
    /// A workshop's title (each language): 1–120.
    public static let workshopTitle = TextField(field: "title", lengths: 1...120, multiline: false)
    /// A workshop's description (each language): 0–2,000, multi-line.
    public static let workshopDescription = TextField(field: "description", lengths: 0...2_000, multiline: true)
    /// A programme's title (each language): 1–120.
    public static let programmeTitle = TextField(field: "title", lengths: 1...120, multiline: false)
    /// A programme's description (each language): 0–4,000, multi-line.
    public static let programmeDescription = TextField(field: "description", lengths: 0...4_000, multiline: true)
    /// A goal's label (each language): 1–200.
    public static let goalLabel = TextField(field: "label", lengths: 1...200, multiline: false)

    /// The stable error code for a length outside `lengths`.
    public var code: String { "\(field)_length" }

    /// The cleaned text, or `DomainError(.invalid, code: "<field>_length", field: path ?? field)`.
    public func clean(_ raw: String, path: String? = nil) throws(DomainError) -> String {
        let cleaned = TextInput.clean(raw, multiline: multiline)
        let length = TextInput.isBlank(cleaned) ? 0 : cleaned.count
        guard lengths.contains(length) else {
            let name = path ?? field
            let limit = lengths.lowerBound == 0
                ? "at most \(lengths.upperBound) characters"
                : "between \(lengths.lowerBound) and \(lengths.upperBound) characters"
            throw DomainError(.invalid, code: code, "\(name) must be \(limit); it has \(length)", field: name)
        }
        return length == 0 ? "" : cleaned
    }

    /// Cleans both languages. Italian, the first language, must meet the limits; English may be left
    /// empty (readers then see the Italian, see `LocalizedText.text(for:)`) but not be too long.
    /// Errors name `<field>.it` or `<field>.en`.
    public func clean(_ raw: LocalizedText, path: String? = nil) throws(DomainError) -> LocalizedText {
        let base = path ?? field
        let italian = try clean(raw.it, path: "\(base).it")
        let english = try TextField(field: field, lengths: 0...lengths.upperBound, multiline: multiline)
            .clean(raw.en, path: "\(base).en")
        return LocalizedText(it: italian, en: english)
    }
}
