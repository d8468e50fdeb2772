extension TextField {
    /// The note of an offer of help: 0–500, multi-line.
    public static let offerNote = TextField(field: "note", lengths: 0...500, multiline: true)
    /// The organisation someone offers help for: 0–120.
    public static let organisation = TextField(field: "organisation", lengths: 0...120, multiline: false)
    /// A follow-up action's title: 1–120.
    public static let actionTitle = TextField(field: "title", lengths: 1...120, multiline: false)
    /// A follow-up action's owner, as a name: 0–80.
    public static let actionOwner = TextField(field: "owner", lengths: 0...80, multiline: false)
    /// A follow-up action's next step: 0–500, multi-line.
    public static let nextStep = TextField(field: "nextStep", lengths: 0...500, multiline: true)
    /// Why an action was dropped: 1–500.
    public static let dropReason = TextField(field: "reason", lengths: 1...500, multiline: true)
    /// A dated progress note on an action: 1–1,000, multi-line.
    public static let progressNote = TextField(field: "text", lengths: 1...1_000, multiline: true)
}
