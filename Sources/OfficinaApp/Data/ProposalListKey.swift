/// A proposal list answer shared by every viewer without a participant cookie: by workshop code
/// as asked and audience (a facilitator, or anyone).
struct ProposalListKey: Hashable, Sendable {
    let code: String
    let facilitator: Bool
}
