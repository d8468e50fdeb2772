/// A text field a person fills in, with its limits: cleans with `TextInput`, then checks the length in
/// Characters (extended grapheme clusters, what a person sees as one character), the size in UTF-8
/// bytes, and the combining marks stacked on any one character.
///
/// Counting Characters alone lets one "character" carry hundreds of thousands of combining marks
/// ("Zalgo" text: `"a" + "\u{301}" × 400_000` is one Character of 800 KB), so every answer that
/// repeats the text would grow without bound. The byte and mark limits keep each stored text, and so
/// every answer, small whatever the script.
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
    /// Most UTF-8 bytes after cleaning. Default: `bytesPerCharacter` × the longest length, room for any
    /// script (4 bytes per code point at most) and for emoji, but not for a mark storm.
    public let maxBytes: Int

    /// UTF-8 bytes allowed per allowed Character, unless a field says otherwise.
    public static let bytesPerCharacter = 4
    /// Most combining marks (Unicode categories Mn, Mc, Me) on one Character after NFC. Three covers
    /// the languages people write (Vietnamese composes to one precomposed letter plus at most one mark,
    /// pointed Hebrew and Thai tone marks use two or three, an emoji keycap two); "Zalgo" needs dozens.
    public static let maxMarksPerCharacter = 3
    /// The stable error code for a Character with too many combining marks.
    public static let marksCode = "combining_marks"

    public init(field: String, lengths: ClosedRange<Int>, multiline: Bool, maxBytes: Int? = nil) {
        self.field = field
        self.lengths = lengths
        self.multiline = multiline
        self.maxBytes = maxBytes ?? max(1, lengths.upperBound) * Self.bytesPerCharacter
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

    /// The stable error code for a length outside `lengths` or a size over `maxBytes`.
    public var code: String { "\(field)_length" }

    /// The cleaned text, or `DomainError(.invalid, field: path ?? field)` with code `<field>_length`
    /// (too short, too long, too many bytes) or `combining_marks`.
    public func clean(_ raw: String, path: String? = nil) throws(DomainError) -> String {
        let name = path ?? field
        // Cleaning drops and composes scalars but cannot shrink sane text fourfold; refusing before it
        // runs keeps a megabyte of marks from costing a normalisation pass.
        guard raw.utf8.count <= maxBytes * 4 else { throw tooManyBytes(name, raw.utf8.count) }
        let cleaned = TextInput.clean(raw, multiline: multiline)
        let length = TextInput.isBlank(cleaned) ? 0 : cleaned.count
        guard lengths.contains(length) else {
            let limit = lengths.lowerBound == 0
                ? "at most \(lengths.upperBound) characters"
                : "between \(lengths.lowerBound) and \(lengths.upperBound) characters"
            throw DomainError(.invalid, code: code, "\(name) must be \(limit); it has \(length)", field: name)
        }
        guard cleaned.utf8.count <= maxBytes else { throw tooManyBytes(name, cleaned.utf8.count) }
        let marks = TextInput.mostMarksOnOneCharacter(cleaned)
        guard marks <= Self.maxMarksPerCharacter else {
            throw DomainError(
                .invalid, code: Self.marksCode,
                "\(name) stacks \(marks) combining marks on one character; at most \(Self.maxMarksPerCharacter) are allowed",
                field: name)
        }
        return length == 0 ? "" : cleaned
    }

    private func tooManyBytes(_ name: String, _ bytes: Int) -> DomainError {
        DomainError(.invalid, code: code, "\(name) must be at most \(maxBytes) bytes of UTF-8; it has \(bytes)", field: name)
    }

    /// Cleans both languages. Italian, the first language, must meet the limits; English may be left
    /// empty (readers then see the Italian, see `LocalizedText.text(for:)`) but not be too long.
    /// Errors name `<field>.it` or `<field>.en`.
    public func clean(_ raw: LocalizedText, path: String? = nil) throws(DomainError) -> LocalizedText {
        let base = path ?? field
        let italian = try clean(raw.it, path: "\(base).it")
        let english = try TextField(field: field, lengths: 0...lengths.upperBound, multiline: multiline, maxBytes: maxBytes)
            .clean(raw.en, path: "\(base).en")
        return LocalizedText(it: italian, en: english)
    }
}
