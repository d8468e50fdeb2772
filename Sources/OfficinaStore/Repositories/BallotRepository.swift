import Foundation
import OfficinaCore

/// Ballots: one per participant and workshop, always replaced whole, stored exactly as cast.
///
/// The schema refuses dots below 1 and ratings outside 0–4; budgets, caps and which proposals may be
/// supported are the App's rules. Merges and hides never rewrite a ballot: what a cast ballot counts
/// for is `BallotCounting`'s rule (OfficinaCore), applied by every reader of support.
public struct BallotRepository {
    let db: any SQLDatabase

    /// The participant's ballot in the workshop, or `nil` when they have not voted.
    public func get(participantID: Int64, workshopID: Int64) throws -> Ballot? {
        guard let ballotID = try db.queryOne(
            "SELECT id FROM ballots WHERE participant_id = ? AND workshop_id = ?", [participantID, workshopID], { $0.int64(0) }
        ) else { return nil }
        let support = try db.query(
            "SELECT proposal_id, dots FROM ballot_support WHERE ballot_id = ?", [ballotID]
        ) { ($0.int64(0), $0.int(1)) }
        var ratings: [Int64: [String: Int]] = [:]
        try db.forEachRow(
            "SELECT proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id = ?", [ballotID]
        ) { row in ratings[row.int64(0), default: [:]][row.text(1)] = row.int(2) }
        return Ballot(participantID: participantID, support: Dictionary(uniqueKeysWithValues: support), ratings: ratings)
    }

    /// Replaces the participant's whole ballot in the workshop (creating it on first vote).
    /// Run inside one write, the old and new ballot never mix.
    ///
    /// Only rows that differ from the old ballot are written (`BallotRepository+Rows`); on SQLite a
    /// rewrite that changes nothing writes nothing, not even the ballot's row. The running
    /// tallies change by the new rows minus the old ones: owed to the write batch when one is open
    /// (``SQLDatabase/tallyDeltas``), applied at once otherwise.
    public func replace(_ ballot: Ballot, workshopID: Int64, at now: Date = Date()) throws {
        let (ballotID, oldSupport, oldRatings, touched) = try upsertReadingOldRows(participantID: ballot.participantID, workshopID: workshopID, at: now)
        var deltas = TallyDeltas()
        var statements: [SQLStatement] = []
        try writeSupport(ballotID: ballotID, old: oldSupport, new: ballot.support.filter { $0.value != 0 }, deltas: &deltas, into: &statements)
        try writeRatings(ballotID: ballotID, old: oldRatings, new: ballot.ratings.filter { !$0.value.isEmpty }, deltas: &deltas, into: &statements)
        // A changed ballot gets a new revision (and, where kept, its new content); an unchanged one
        // keeps its row, revision and all.
        if keepsContent, touched || !statements.isEmpty {
            statements.insert(SQLStatement("UPDATE ballots SET updated_at = ?, revision = ?, content = ? WHERE id = ?",
                                           [now, Self.newRevision(), Self.content(of: ballot), ballotID]), at: 0)
        } else if !touched, !statements.isEmpty {
            statements.insert(SQLStatement("UPDATE ballots SET updated_at = ?, revision = ? WHERE id = ?", [now, Self.newRevision(), ballotID]), at: 0)
        }
        // None of these needs an answer before the next: on PostgreSQL they go out in one round trip.
        if let notify = db.notifyStatement("t:\(workshopID)") {
            statements.append(notify)
        }
        try db.executeAll(statements)
        if db.tallyDeltas != nil {
            db.tallyDeltas?.merge(deltas)
        } else {
            try deltas.apply(to: db)
        }
    }

    /// Every ballot of the workshop, for scoring, ordered by participant id.
    public func all(workshopID: Int64) throws -> [Ballot] {
        keepsContent ? try listed(workshopID: workshopID).ballots : try rowBallots(workshopID: workshopID)
    }

    /// Every ballot of the workshop assembled from its support and rating rows, ordered by participant
    /// id: what ``all(workshopID:)`` gives on every engine, without the packed contents it reads on SQLite.
    public func rowBallots(workshopID: Int64) throws -> [Ballot] {
        var assembly = BallotAssembly(expectedBallots: try count(workshopID: workshopID))
        try db.forEachRow("SELECT participant_id FROM ballots WHERE workshop_id = ? ORDER BY participant_id", [workshopID]) { row in
            assembly.addBallot(participantID: row.int64(0))
        }
        try db.forEachRow("""
            SELECT b.participant_id, s.proposal_id, s.dots FROM ballot_support s JOIN ballots b ON b.id = s.ballot_id
            WHERE b.workshop_id = ?
            """, [workshopID]) { row in
            assembly.addSupport(participantID: row.int64(0), proposalID: row.int64(1), dots: row.int(2))
        }
        try db.forEachRow("""
            SELECT b.participant_id, r.proposal_id, r.goal_key, r.value FROM ballot_ratings r JOIN ballots b ON b.id = r.ballot_id
            WHERE b.workshop_id = ?
            """, [workshopID]) { row in
            assembly.addRating(participantID: row.int64(0), proposalID: row.int64(1), goal: row.text(2), value: row.int(3))
        }
        return assembly.finish()
    }

    /// Every ballot of the workshop with its support only (no ratings): what live tallies count.
    public func castSupport(workshopID: Int64) throws -> [Ballot] {
        var ballots: [Int64: Ballot] = [:]
        try db.forEachRow("""
            SELECT b.participant_id, s.proposal_id, s.dots FROM ballot_support s JOIN ballots b ON b.id = s.ballot_id
            WHERE b.workshop_id = ?
            """, [workshopID]) { row in
            ballots[row.int64(0), default: Ballot(participantID: row.int64(0))].support[row.int64(1)] = row.int(2)
        }
        return ballots.values.sorted { $0.participantID < $1.participantID }
    }

    /// How many participants have a ballot in the workshop.
    public func count(workshopID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM ballots WHERE workshop_id = ?", [workshopID]) { $0.int(0) } ?? 0
    }

    /// Support per proposal as cast, before merges and hides are counted (proposals without support
    /// are absent). Tallies shown to anyone go through `BallotCounting` instead. Read from the running
    /// tallies ("18-tallies"): a few rows per proposal, not every ballot.
    public func tallies(workshopID: Int64) throws -> [Int64: SupportTally] {
        let rows = try db.query("""
            SELECT t.proposal_id, sum(t.dots * t.ballots), sum(t.ballots) FROM support_tallies t JOIN proposals p ON p.id = t.proposal_id
            WHERE p.workshop_id = ? AND t.ballots > 0 GROUP BY t.proposal_id
            """, [workshopID]) { ($0.int64(0), SupportTally(support: $0.int(1), supporters: $0.int(2))) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
