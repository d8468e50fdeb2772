import Foundation
import OfficinaCore

/// Pairwise answers: one row per participant and pair, never rewritten.
///
/// The schema refuses a pair answered twice by the same participant (`UNIQUE`), a pair of one
/// proposal with itself and a winner outside the pair; which pairs may be answered (phase, visible
/// proposals) is the App's rule.
public struct ComparisonRepository {
    let db: any SQLDatabase

    /// Stores an answer. Returns false, storing nothing, when the participant already answered the pair.
    @discardableResult
    public func add(_ comparison: Comparison, workshopID: Int64, at now: Date = Date()) throws -> Bool {
        try db.execute("""
            INSERT INTO comparisons (workshop_id, participant_id, low_id, high_id, winner_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (participant_id, low_id, high_id) DO NOTHING
            """, [workshopID, comparison.participantID, comparison.pair.low, comparison.pair.high, comparison.winner, now])
        return db.changes > 0
    }

    /// Every answer in the workshop, oldest first.
    public func all(workshopID: Int64) throws -> [Comparison] {
        try db.query("""
            SELECT participant_id, low_id, high_id, winner_id FROM comparisons WHERE workshop_id = ? ORDER BY id
            """, [workshopID], Self.decode)
    }

    /// The pairs one participant has answered (chosen or skipped) in the workshop.
    public func answered(participantID: Int64, workshopID: Int64) throws -> Set<ProposalPair> {
        Set(try db.query(
            "SELECT low_id, high_id FROM comparisons WHERE workshop_id = ? AND participant_id = ?",
            [workshopID, participantID]
        ) { row in ProposalPair(row.int64(0), row.int64(1)) }.compactMap { $0 })
    }

    /// Answers in the workshop: all, and how many were choices rather than skips.
    public func counts(workshopID: Int64) throws -> (answers: Int, choices: Int, participants: Int) {
        try db.queryOne("""
            SELECT count(*), count(winner_id), count(DISTINCT participant_id) FROM comparisons WHERE workshop_id = ?
            """, [workshopID]) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
    }

    private static func decode(_ row: Row) throws -> Comparison {
        guard let pair = ProposalPair(row.int64(1), row.int64(2)) else {
            throw StoreError(.decoding, message: "a comparison pairs a proposal with itself")
        }
        var comparison = Comparison(participantID: row.int64(0), skipped: pair)
        comparison.winner = row.optionalInt64(3)
        return comparison
    }
}
