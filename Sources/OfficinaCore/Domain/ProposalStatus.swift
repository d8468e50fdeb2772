/// Whether a proposal is shown, hidden by a facilitator, or merged into another.
public enum ProposalStatus: Codable, Sendable, Hashable {
    case visible
    case hidden
    case merged(into: Int64)

    /// The stored name: `visible`, `hidden` or `merged`.
    public var name: String {
        switch self {
        case .visible: "visible"
        case .hidden: "hidden"
        case .merged: "merged"
        }
    }

    /// Whether the proposal takes part in voting and ranking.
    public var isRanked: Bool { self == .visible }
}
