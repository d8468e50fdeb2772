/// The life of a workshop: `draft → collecting → voting → closed`.
///
/// Proposals are accepted only while `collecting`; ballots only while `voting`;
/// `closed` is read-only with published results. A facilitator may move to any
/// phase (including back, to reopen one); every move is logged.
public enum Phase: String, Codable, Sendable, CaseIterable, Comparable {
    case draft
    case collecting
    case voting
    case closed

    private var order: Int {
        switch self {
        case .draft: 0
        case .collecting: 1
        case .voting: 2
        case .closed: 3
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }

    /// Whether participants may add or edit proposals and build-ons.
    public var acceptsProposals: Bool { self == .collecting }

    /// Whether participants may change their ballot.
    public var acceptsBallots: Bool { self == .voting }

    /// Whether results are public to everyone.
    public var publishesResults: Bool { self == .closed }
}
