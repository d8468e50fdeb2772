import OfficinaCore

/// What a reader keeping a workshop's ballots in memory needs ("19-ballot-revisions"): each
/// ballot's id and revision, cheap to list, and the rows of just the ballots that changed.
extension BallotRepository {
    /// One ballot's identity as listed: its row id and the revision its last rewrite set.
    public struct Revision: Sendable, Hashable {
        public let ballotID: Int64
        public let revision: Int64

        public init(ballotID: Int64, revision: Int64) {
            self.ballotID = ballotID
            self.revision = revision
        }
    }

    /// Most ballot ids in one `IN (…)` list (below SQLite's and PostgreSQL's parameter limits).
    static let idsPerQuery = 500

    /// A fresh revision for a rewrite: random, so no two contents share one (2⁻⁶³ per pair), on any
    /// number of instances, with no counter row every writer would contend for. Never 0, the value
    /// ballots written before the migration hold.
    static func newRevision() -> Int64 {
        Int64.random(in: 1...Int64.max)
    }

    /// Every ballot of the workshop: participant id → (ballot id, revision). One index-range read of
    /// the `ballots` rows, none of their support or ratings.
    public func revisions(workshopID: Int64) throws -> [Int64: Revision] {
        var revisions: [Int64: Revision] = [:]
        try db.forEachRow("SELECT participant_id, id, revision FROM ballots WHERE workshop_id = ?", [workshopID]) { row in
            revisions[row.int64(0)] = Revision(ballotID: row.int64(1), revision: row.int64(2))
        }
        return revisions
    }

    /// The ballots with these row ids as cast, by participant id (ids no longer present are absent).
    public func ballots(ids: [Int64]) throws -> [Int64: Ballot] {
        keepsContent ? try packedBallots(ids: ids) : try rowBallots(ids: ids)
    }

    /// The ballots with these row ids assembled from their support and rating rows, by participant id.
    func rowBallots(ids: [Int64]) throws -> [Int64: Ballot] {
        var ballots: [Int64: Ballot] = [:]
        var participantOf: [Int64: Int64] = [:]
        try Self.inChunks(ids) { list, chunk in
            try db.forEachRow("SELECT id, participant_id FROM ballots WHERE id IN (\(list))", chunk) { row in
                participantOf[row.int64(0)] = row.int64(1)
                ballots[row.int64(1)] = Ballot(participantID: row.int64(1))
            }
            try db.forEachRow("SELECT ballot_id, proposal_id, dots FROM ballot_support WHERE ballot_id IN (\(list))", chunk) { row in
                guard let participant = participantOf[row.int64(0)] else { return }
                ballots[participant]?.support[row.int64(1)] = row.int(2)
            }
            try db.forEachRow("SELECT ballot_id, proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id IN (\(list))", chunk) { row in
                guard let participant = participantOf[row.int64(0)] else { return }
                ballots[participant]?.ratings[row.int64(1), default: [:]][row.text(2)] = row.int(3)
            }
        }
        return ballots
    }

    /// `body` for each run of at most ``idsPerQuery`` ids, given as arguments and as their `?, ?, …` list.
    static func inChunks(_ ids: [Int64], _ body: (_ list: String, _ chunk: [any DatabaseValueConvertible]) throws -> Void) rethrows {
        var start = 0
        while start < ids.count {
            let chunk: [any DatabaseValueConvertible] = ids[start..<min(ids.count, start + idsPerQuery)].map { $0 }
            start += chunk.count
            try body(Array(repeating: "?", count: chunk.count).joined(separator: ","), chunk)
        }
    }
}
