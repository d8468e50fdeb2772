/// How many offers of help a workshop holds, per proposal and per kind — counts and kinds only, never
/// who offered or how to reach them: this is what cards, the ranking, the projector and live events show.
public struct OfferSummary: Sendable, Hashable {
    /// Offers on one target (a proposal, or the workshop as a whole).
    public struct Line: Sendable, Hashable {
        public var count: Int
        /// Kind keys present, in the programme's order of kinds, each once.
        public var kinds: [String]

        public init(count: Int = 0, kinds: [String] = []) {
            self.count = count
            self.kinds = kinds
        }
    }

    public var total: Int
    /// Offers per kind key.
    public var byKind: [String: Int]
    /// Offers on the workshop as a whole.
    public var workshop: Line
    /// Offers per proposal id.
    public var proposals: [Int64: Line]

    public init(total: Int = 0, byKind: [String: Int] = [:], workshop: Line = Line(), proposals: [Int64: Line] = [:]) {
        self.total = total
        self.byKind = byKind
        self.workshop = workshop
        self.proposals = proposals
    }

    /// Builds the summary of `offers`, ordering kinds as `kinds` does (unknown keys last, by name).
    public init(offers: [Offer], kinds: [OfferKind]) {
        let order = Dictionary(kinds.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        func line(_ group: [Offer]) -> Line {
            let keys = Set(group.map(\.kind)).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
            return Line(count: group.count, kinds: keys)
        }
        self.init(
            total: offers.count,
            byKind: Dictionary(grouping: offers, by: \.kind).mapValues(\.count),
            workshop: line(offers.filter { $0.proposalID == nil }),
            proposals: Dictionary(grouping: offers.filter { $0.proposalID != nil }, by: { $0.proposalID ?? 0 }).mapValues(line)
        )
    }
}
