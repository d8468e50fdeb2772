import OfficinaCore
import OfficinaStore

/// Renders the Proposal shape of docs/api.md for one viewer.
public struct ProposalView: Sendable {
    public var thread: ProposalThread
    public var workshopCode: String
    public var settings: WorkshopSettings
    public var phase: Phase
    public var tally: SupportTally?
    /// Why it is hidden (facilitator's reason, or withdrawn by its author), when there is a note.
    public var note: ProposalNote?

    public init(thread: ProposalThread, workshopCode: String, settings: WorkshopSettings, phase: Phase, tally: SupportTally?,
                note: ProposalNote? = nil) {
        self.thread = thread
        self.workshopCode = workshopCode
        self.settings = settings
        self.phase = phase
        self.tally = tally
        self.note = note
    }

    /// Whether tallies are shown to participants: live when the workshop says so, always once closed.
    public static func talliesVisible(_ settings: WorkshopSettings, _ phase: Phase) -> Bool {
        settings.showLiveTallies || phase == .closed
    }

    public func json(for viewer: Viewer) -> JSONValue {
        let proposal = thread.proposal
        let mine = viewer.participantID == proposal.authorID
        // Participants never read the text of a proposal a facilitator hid or merged (Viewer+Audience).
        let redacted = !viewer.readsText(of: proposal)
        let mergedInto: JSONValue = if case let .merged(into) = proposal.status { .integer(into) } else { .null }
        let tallyShown = viewer.isFacilitator || Self.talliesVisible(settings, phase)
        let tallyJSON: JSONValue = tallyShown
            ? .object([("support", .int(tally?.support ?? 0)), ("supporters", .int(tally?.supporters ?? 0))])
            : .null
        return .object([
            ("id", .integer(proposal.id)),
            ("workshop", .string(workshopCode)),
            ("title", .string(redacted ? "" : proposal.title)),
            ("body", .string(redacted ? "" : proposal.body)),
            ("goals", .array(proposal.goals.map { .string($0) })),
            ("author", viewer.seesAuthor(proposal.authorID, settings: settings) ? .person(id: proposal.authorID, name: proposal.authorName) : .null),
            ("status", .string(proposal.status.name)),
            ("mergedInto", mergedInto),
            ("createdAt", .date(proposal.createdAt)),
            ("buildOns", .array(redacted ? [] : thread.buildOns.map { Self.buildOn($0, settings: settings, viewer: viewer) })),
            ("mine", .bool(mine)),
            ("tally", tallyJSON),
            // Only the author and facilitators learn why an idea is hidden.
            ("hiddenReason", proposal.status == .hidden && (viewer.isFacilitator || mine) ? (note?.hiddenReason).map { .string($0) } ?? .null : .null),
            ("withdrawn", .bool(proposal.status == .hidden && note?.withdrawn == true)),
        ])
    }

    /// The BuildOn shape.
    public static func buildOn(_ buildOn: BuildOn, settings: WorkshopSettings, viewer: Viewer) -> JSONValue {
        let shown = viewer.seesAuthor(buildOn.authorID, settings: settings)
        return .object([
            ("id", .integer(buildOn.id)),
            ("proposalId", .integer(buildOn.proposalID)),
            ("text", .string(buildOn.text)),
            ("author", shown ? .person(id: buildOn.authorID, name: buildOn.authorName) : .null),
            ("createdAt", .date(buildOn.createdAt)),
        ])
    }

    /// A `proposal` live event's data: as a facilitator sees it, and as everyone else does.
    public var event: (facilitator: JSONValue, public: JSONValue) {
        (json(for: .facilitator), json(for: .anyone))
    }
}
