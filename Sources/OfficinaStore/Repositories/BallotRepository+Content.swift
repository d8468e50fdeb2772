import OfficinaCore

/// Ballots read from their packed content ("22-ballot-content", SQLite): one `ballots` row each
/// instead of a dozen support and rating rows. A ballot without content, or whose content does not
/// decode, is read from its rows.
extension BallotRepository {
    /// A workshop's ballots by ascending participant, each with its revision (`revisions[i]` is
    /// `ballots[i]`'s), read together in one snapshot.
    public struct Listed: Sendable {
        public var ballots: [Ballot]
        public var revisions: [Revision]

        public init(ballots: [Ballot], revisions: [Revision]) {
            self.ballots = ballots
            self.revisions = revisions
        }
    }

    /// Whether this database keeps each ballot's content on its row.
    var keepsContent: Bool { db.dialect == .sqlite }

    /// The ballot's content as the rewrite leaves it (support without zeros, ratings without empty
    /// goals), or `NULL` when it cannot be packed.
    static func content(of ballot: Ballot) -> DatabaseValue {
        BallotContent.encode(Ballot(participantID: ballot.participantID, support: ballot.support, ratings: ballot.ratings))
            .map { .blob($0) } ?? .null
    }

    /// Every ballot of the workshop with its revision: one read of the `ballots` rows where they
    /// hold the content (decoded while the rows are read), the revisions and the support and
    /// rating rows otherwise.
    public func listed(workshopID: Int64) throws -> Listed {
        guard keepsContent else {
            let revisions = try revisions(workshopID: workshopID)
            let ballots = try rowBallots(workshopID: workshopID).filter { revisions[$0.participantID] != nil }
            return Listed(ballots: ballots, revisions: ballots.compactMap { revisions[$0.participantID] })
        }
        let column = PipelinedColumn()
        try db.forEachRow("SELECT participant_id, id, revision, content FROM ballots WHERE workshop_id = ?", [workshopID]) { row in
            let revision = Revision(ballotID: row.int64(1), revision: row.int64(2))
            row.withUnsafeBytes(3) { column.append(participant: row.int64(0), revision: revision, content: row.isNull(3) ? nil : $0) }
        }
        var decoded = column.finish()
        if !decoded.undecoded.isEmpty {
            let fromRows = try rowBallots(ids: decoded.undecoded.map(\.ballotID))
            for i in decoded.ballots.indices where decoded.ballots[i].participantID < 0 {
                let participant = -decoded.ballots[i].participantID
                decoded.ballots[i] = fromRows[participant] ?? Ballot(participantID: participant)
            }
        }
        return Listed(ballots: decoded.ballots, revisions: decoded.revisions)
    }

    /// The ballots with these row ids, by participant id, from their content where they have one.
    func packedBallots(ids: [Int64]) throws -> [Int64: Ballot] {
        var column = PackedColumn()
        try Self.inChunks(ids) { list, chunk in
            try db.forEachRow("SELECT participant_id, id, revision, content FROM ballots WHERE id IN (\(list))", chunk) { row in
                let revision = Revision(ballotID: row.int64(1), revision: row.int64(2))
                row.withUnsafeBytes(3) { column.append(participant: row.int64(0), revision: revision, content: row.isNull(3) ? nil : $0) }
            }
        }
        let decoded = column.decode()
        var ballots = try rowBallots(ids: decoded.undecoded.map(\.ballotID))
        for ballot in decoded.ballots where ballot.participantID > 0 { ballots[ballot.participantID] = ballot }
        return ballots
    }

    /// Packs the content of every ballot that has none (after the migration adding it, or rows
    /// copied in by SQL); returns how many were packed.
    @discardableResult
    public func fillMissingContent() throws -> Int {
        guard keepsContent else { return 0 }
        let ids = try db.query("SELECT id FROM ballots WHERE content IS NULL ORDER BY id", []) { $0.int64(0) }
        var filled = 0
        try Self.inChunks(ids) { list, chunk in
            let ballots = try rowBallots(ids: chunk.compactMap { $0 as? Int64 })
            let participants = Dictionary(uniqueKeysWithValues: try db.query(
                "SELECT id, participant_id FROM ballots WHERE id IN (\(list))", chunk) { ($0.int64(0), $0.int64(1)) })
            for id in participants.keys.sorted() {
                guard let participant = participants[id], let ballot = ballots[participant] else { continue }
                let content = Self.content(of: ballot)
                guard content != .null else { continue }
                try db.execute("UPDATE ballots SET content = ? WHERE id = ?", [content, id])
                filled += 1
            }
        }
        return filled
    }
}
