import OfficinaCore

/// Reads of the running tallies ("18-tallies"), and the few raw rows a count applies on top of them.
extension BallotRepository {
    /// The workshop's running tallies: a few rows per proposal, whatever the number of ballots.
    /// `ratings: false` reads support only (what live tallies show).
    public func sums(workshopID: Int64, ratings: Bool = true) throws -> BallotSums {
        var sums = BallotSums()
        try db.forEachRow("""
            SELECT t.proposal_id, t.dots, t.ballots FROM support_tallies t JOIN proposals p ON p.id = t.proposal_id
            WHERE p.workshop_id = ? AND t.ballots > 0
            """, [workshopID]) { row in
            sums.support[row.int64(0), default: [:]][row.int(1)] = row.int(2)
        }
        guard ratings else { return sums }
        try db.forEachRow("""
            SELECT t.proposal_id, t.goal_key, t.value, t.ballots FROM rating_tallies t JOIN proposals p ON p.id = t.proposal_id
            WHERE p.workshop_id = ? AND t.ballots > 0
            """, [workshopID]) { row in
            sums.ratings[row.int64(0), default: [:]][row.text(1), default: [:]][row.int(2)] = row.int(3)
        }
        return sums
    }

    /// Rebuilds every running tally from the ballot rows: after rows were written by plain SQL that
    /// bypassed the ballot writer (a copy between engines, a benchmark growing a database).
    public func rebuildTallies() throws {
        try db.execute("DELETE FROM support_tallies")
        try db.execute("DELETE FROM rating_tallies")
        try db.execute("DELETE FROM rater_tallies")
        for statement in Self.rebuildSQL { try db.execute(statement) }
    }

    /// The statements that fill empty tally tables from the ballot rows (both engines).
    public static let rebuildSQL = [
        "INSERT INTO support_tallies (proposal_id, dots, ballots) SELECT proposal_id, dots, count(*) FROM ballot_support GROUP BY proposal_id, dots",
        "INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots) SELECT proposal_id, goal_key, value, count(*) FROM ballot_ratings GROUP BY proposal_id, goal_key, value",
        "INSERT INTO rater_tallies (proposal_id, ballots) SELECT proposal_id, count(DISTINCT ballot_id) FROM ballot_ratings GROUP BY proposal_id",
    ]

    /// Proposals of the workshop that their own author's ballot supports or rates: what a count
    /// recounts while self-support is off (`BallotCounting.recounted(selfSupported:)`). One probe
    /// per proposal through the keys, never a pass over the ballots.
    public func selfSupported(workshopID: Int64) throws -> Set<Int64> {
        Set(try db.query("""
            SELECT p.id FROM proposals p
            JOIN ballots b ON b.participant_id = p.author_id AND b.workshop_id = p.workshop_id
            WHERE p.workshop_id = ?
              AND (EXISTS (SELECT 1 FROM ballot_support s WHERE s.ballot_id = b.id AND s.proposal_id = p.id)
                OR EXISTS (SELECT 1 FROM ballot_ratings r WHERE r.ballot_id = b.id AND r.proposal_id = p.id))
            """, [workshopID]) { $0.int64(0) })
    }

    /// The cast rows on `proposals` only, one partial ballot per participant who gave any: support
    /// through its index by proposal, ratings (when asked) from the workshop's rating rows, which
    /// have no index by proposal (`4-ballot-write-path`). Nothing is read when `proposals` is empty.
    public func cast(proposals: Set<Int64>, workshopID: Int64, ratings: Bool) throws -> [Ballot] {
        guard !proposals.isEmpty else { return [] }
        var ballots: [Int64: Ballot] = [:]
        for id in proposals.sorted() {
            try db.forEachRow("""
                SELECT b.participant_id, s.dots FROM ballot_support s JOIN ballots b ON b.id = s.ballot_id
                WHERE s.proposal_id = ?
                """, [id]) { row in
                ballots[row.int64(0), default: Ballot(participantID: row.int64(0))].support[id] = row.int(1)
            }
        }
        if ratings {
            try db.forEachRow("""
                SELECT b.participant_id, r.proposal_id, r.goal_key, r.value FROM ballot_ratings r JOIN ballots b ON b.id = r.ballot_id
                WHERE b.workshop_id = ?
                """, [workshopID]) { row in
                let id = row.int64(1)
                guard proposals.contains(id) else { return }
                ballots[row.int64(0), default: Ballot(participantID: row.int64(0))].ratings[id, default: [:]][row.text(2)] = row.int(3)
            }
        }
        return ballots.values.sorted { $0.participantID < $1.participantID }
    }
}
