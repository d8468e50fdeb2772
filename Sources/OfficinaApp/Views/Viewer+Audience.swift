import OfficinaCore
import OfficinaHTTP

/// What an audience sees: the one place that decides it, for the API, live events, the ranking,
/// every export and the projector (docs/security.md, "Hidden text and the projector").
///
/// - Facilitators see everything.
/// - Everyone else reads the text (title, body, build-ons) of visible proposals only, plus their own;
///   a hidden or merged proposal shows to them as its id and status at most.
/// - Authors show to everyone else only when the workshop is not anonymous (and to the author).
extension Viewer {
    /// The audience a request asks to be treated as, when it asks for less than its cookies grant:
    /// `?audience=public` (the projector) is served as ``anyone`` even with a facilitator's cookie.
    /// Asking for more is never possible: the parameter only ever lowers privilege.
    static func requested(by request: HTTPRequest) -> Viewer? {
        request.queryItems["audience"] == "public" ? .anyone : nil
    }

    /// Whether this audience reads `proposal`'s title, body and build-ons.
    func readsText(of proposal: Proposal) -> Bool {
        isFacilitator || proposal.status == .visible || participantID == proposal.authorID
    }

    /// Whether this audience sees who wrote something in a workshop with `settings`.
    func seesAuthor(_ authorID: Int64, settings: WorkshopSettings) -> Bool {
        isFacilitator || !settings.anonymous || participantID == authorID
    }

    /// Whether this audience sees hidden and merged proposals in lists (a facilitator), or only
    /// visible ones and its own.
    func lists(_ proposal: Proposal) -> Bool {
        lists(status: proposal.status, authorID: proposal.authorID)
    }

    /// ``lists(_:)`` from a proposal's status and author alone.
    func lists(status: ProposalStatus, authorID: Int64) -> Bool {
        isFacilitator || status == .visible || (status == .hidden && participantID == authorID)
    }
}
