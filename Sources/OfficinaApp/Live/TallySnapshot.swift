/// The current support of every ranked proposal of a workshop, pushed as `tally` events.
public struct TallySnapshot: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var support: Int
        public var supporters: Int

        public init(support: Int, supporters: Int) {
            self.support = support
            self.supporters = supporters
        }
    }

    public var ballots: Int
    public var participants: Int
    public var tallies: [Int64: Entry]
    /// Whether participants may see the tallies (the workshop shows them live, or it is closed).
    public var visibleToParticipants: Bool
    /// Pairwise answers so far (choices and skips), for a pairwise workshop's progress; nil otherwise.
    public var comparisons: Int?

    public init(ballots: Int, participants: Int, tallies: [Int64: Entry], visibleToParticipants: Bool) {
        self.ballots = ballots
        self.participants = participants
        self.tallies = tallies
        self.visibleToParticipants = visibleToParticipants
    }

    /// `{"ballots":n,"participants":n,"tallies":{…}|null}` for one viewer.
    public func json(forFacilitator: Bool) -> JSONValue {
        let shown = forFacilitator || visibleToParticipants
        let entries: JSONValue = .object(tallies.sorted { $0.key < $1.key }.map { id, entry in
            (String(id), .object([("support", .int(entry.support)), ("supporters", .int(entry.supporters))]))
        })
        var members: [(String, JSONValue)] = [
            ("ballots", .int(ballots)), ("participants", .int(participants)), ("tallies", shown ? entries : .null),
        ]
        if let comparisons { members.append(("comparisons", .int(comparisons))) }
        return .object(members)
    }
}
