import Foundation
import OfficinaCore

extension ProposalRepository {
    /// Merges duplicate `fromID` into `intoID`: `fromID` becomes `merged(into:)`. Ballots are not
    /// touched: they stay as their participants cast them, and `BallotCounting` (OfficinaCore) counts
    /// support on `fromID` toward `intoID` for as long as the merge stands. The audit trail records,
    /// per ballot that supported `fromID`, its dots there and on `intoID` and what the two would make
    /// within `cap` (pass the per-proposal cap for dots, 1 for approval).
    ///
    /// Refused (``StoreError/Kind/constraint``) when the proposals are the same, in different
    /// workshops, missing, or either is already merged.
    public func merge(_ fromID: Int64, into intoID: Int64, by facilitator: String, cap: Int, at now: Date = Date()) throws -> MergeRecord {
        guard let from = try find(id: fromID), let into = try find(id: intoID) else {
            throw StoreError(.constraint, message: "both proposals must exist to merge")
        }
        guard fromID != intoID, from.workshopID == into.workshopID else {
            throw StoreError(.constraint, message: "a proposal merges only into another proposal of the same workshop")
        }
        if case .merged = from.status { throw StoreError(.constraint, message: "proposal \(fromID) is already merged") }
        if case .merged = into.status { throw StoreError(.constraint, message: "proposal \(intoID) is merged; merge into the one it was merged into") }

        let mergeID = try db.insertReturningID("""
            INSERT INTO merges (workshop_id, from_id, into_id, from_status, merged_by, merged_at) VALUES (?, ?, ?, ?, ?, ?)
            RETURNING id
            """, [from.workshopID, fromID, intoID, from.status.name, facilitator, now])
        try db.execute("""
            INSERT INTO merge_moves (merge_id, ballot_id, from_dots, into_before, into_after)
            SELECT ?1, f.ballot_id, f.dots, coalesce(i.dots, 0),
                   \(db.dialect.greatest)(coalesce(i.dots, 0), \(db.dialect.least)(?4, coalesce(i.dots, 0) + f.dots))
            FROM ballot_support f
            LEFT JOIN ballot_support i ON i.ballot_id = f.ballot_id AND i.proposal_id = ?3
            WHERE f.proposal_id = ?2
            """, [mergeID, fromID, intoID, max(1, cap)])
        try db.execute("""
            UPDATE proposals SET status = 'merged', merged_into = ?, updated_at = ? WHERE id = ?
            """, [intoID, now, fromID])
        guard let record = try merge(id: mergeID) else {
            throw StoreError(.sqlite, message: "merge \(mergeID) vanished after insert")
        }
        return record
    }

    /// Undoes the latest merge of `proposalID`: it gets back its former status, so every ballot counts
    /// as its participant last cast it (ballots were never rewritten). Returns the audit record, now
    /// with `undoneAt`, or `nil` when the proposal is not merged.
    @discardableResult
    public func unmerge(proposalID: Int64, at now: Date = Date()) throws -> MergeRecord? {
        guard let (mergeID, fromStatus) = try db.queryOne("""
            SELECT m.id, m.from_status FROM merges m JOIN proposals p ON p.id = m.from_id
            WHERE m.from_id = ? AND m.undone_at IS NULL AND p.status = 'merged' ORDER BY m.id DESC LIMIT 1
            """, [proposalID], { ($0.int64(0), $0.text(1)) }) else { return nil }
        try db.execute("""
            UPDATE proposals SET status = ?, merged_into = NULL, updated_at = ? WHERE id = ?
            """, [fromStatus, now, proposalID])
        try db.execute("UPDATE merges SET undone_at = ? WHERE id = ?", [now, mergeID])
        return try merge(id: mergeID)
    }

    /// Id, author and status of every proposal of the workshop: what `BallotCounting` needs. One
    /// indexed query, no texts.
    public func countingRows(workshopID: Int64) throws -> [(id: Int64, authorID: Int64, status: ProposalStatus)] {
        try db.query(
            "SELECT id, author_id, status, merged_into FROM proposals WHERE workshop_id = ? ORDER BY id", [workshopID]
        ) { row in
            let status: ProposalStatus = switch row.text(2) {
            case "merged": .merged(into: row.int64(3))
            case "hidden": .hidden
            default: .visible
            }
            return (row.int64(0), row.int64(1), status)
        }
    }

    /// One merge of the audit trail, or `nil`.
    public func merge(id: Int64) throws -> MergeRecord? {
        try db.queryOne("\(Self.mergeQuery) WHERE m.id = ?", [id], Self.decodeMerge)
    }

    /// A workshop's merges, oldest first, including undone ones.
    public func merges(workshopID: Int64) throws -> [MergeRecord] {
        try db.query("\(Self.mergeQuery) WHERE m.workshop_id = ? ORDER BY m.id", [workshopID], Self.decodeMerge)
    }

    private static let mergeQuery = """
        SELECT m.id, m.workshop_id, m.from_id, m.into_id, m.merged_by, m.merged_at, m.undone_at,
               (SELECT count(*) FROM merge_moves mm WHERE mm.merge_id = m.id)
        FROM merges m
        """

    private static func decodeMerge(_ row: Row) -> MergeRecord {
        MergeRecord(
            id: row.int64(0), workshopID: row.int64(1), from: row.int64(2), into: row.int64(3), by: row.text(4),
            at: row.date(5), undoneAt: row.optionalDate(6), movedBallots: row.int(7)
        )
    }
}
