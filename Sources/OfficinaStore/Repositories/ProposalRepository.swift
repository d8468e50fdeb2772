import Foundation
import OfficinaCore

/// Proposals of a workshop, with their build-ons, status and merges.
public struct ProposalRepository {
    let db: any SQLDatabase

    static let columns = """
        p.id, p.workshop_id, p.author_id, a.name, p.title, p.body, p.goals, p.status, p.merged_into,
        p.created_at, p.updated_at
        """
    static let from = "proposals p JOIN participants a ON a.id = p.author_id"

    /// Adds a visible proposal by `authorID`.
    public func create(
        workshopID: Int64, authorID: Int64, title: String, body: String, goals: [String], at now: Date = Date()
    ) throws -> Proposal {
        let id = try db.insertReturningID("""
            INSERT INTO proposals (workshop_id, author_id, title, body, goals, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'visible', ?, ?) RETURNING id
            """, [workshopID, authorID, title, body, try Self.encode(goals), now, now])
        guard let proposal = try find(id: id) else {
            throw StoreError(.sqlite, message: "proposal \(id) vanished after insert")
        }
        return proposal
    }

    /// The proposal with this id, or `nil`.
    public func find(id: Int64) throws -> Proposal? {
        try db.queryOne("SELECT \(Self.columns) FROM \(Self.from) WHERE p.id = ?", [id]) { try Self.decode($0).proposal }
    }

    /// The proposal with its build-ons, or `nil`.
    public func thread(id: Int64) throws -> ProposalThread? {
        guard var thread = try db.queryOne("SELECT \(Self.columns) FROM \(Self.from) WHERE p.id = ?", [id], Self.decode) else {
            return nil
        }
        thread.buildOns = try db.buildOns.list(proposalID: id)
        return thread
    }

    /// A workshop's proposals, oldest first, each with its build-ons; hidden and merged ones only when
    /// `includeHidden` (facilitators see them).
    public func list(workshopID: Int64, includeHidden: Bool = false) throws -> [ProposalThread] {
        var threads = try db.query("""
            SELECT \(Self.columns) FROM \(Self.from)
            WHERE p.workshop_id = ? AND (? = 1 OR p.status = 'visible') ORDER BY p.id
            """, [workshopID, includeHidden], Self.decode)
        let buildOns = try db.buildOns.list(workshopID: workshopID)
        for index in threads.indices {
            threads[index].buildOns = buildOns[threads[index].proposal.id] ?? []
        }
        return threads
    }

    /// Changes the given fields and returns the proposal, or `nil` when it does not exist.
    @discardableResult
    public func update(
        id: Int64, title: String? = nil, body: String? = nil, goals: [String]? = nil, at now: Date = Date()
    ) throws -> Proposal? {
        try db.execute("""
            UPDATE proposals SET title = coalesce(?, title), body = coalesce(?, body), goals = coalesce(?, goals),
                updated_at = ?
            WHERE id = ?
            """, [title, body, try goals.map(Self.encode), now, id])
        guard db.changes > 0 else { return nil }
        return try find(id: id)
    }

    /// Hides or shows a proposal and returns it (`nil` when it does not exist). A merged proposal is
    /// left as it is: it changes status only by ``unmerge(proposalID:at:)``; asking for `.merged` here
    /// is refused (use ``merge(_:into:by:cap:at:)``).
    @discardableResult
    public func setStatus(id: Int64, _ status: ProposalStatus, at now: Date = Date()) throws -> Proposal? {
        if case .merged = status {
            throw StoreError(.constraint, message: "a proposal becomes merged only through a merge")
        }
        try db.execute(
            "UPDATE proposals SET status = ?, updated_at = ? WHERE id = ? AND status <> 'merged'",
            [status.name, now, id]
        )
        return try find(id: id)
    }

    static func encode(_ goals: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(goals), as: UTF8.self)
    }

    static func decode(_ row: Row) throws -> ProposalThread {
        let id = row.int64(0)
        guard let goals = decodeGoals(row.text(6)) else {
            throw StoreError(.decoding, message: "proposal \(id) has malformed goals")
        }
        let status: ProposalStatus
        switch row.text(7) {
        case "visible": status = .visible
        case "hidden": status = .hidden
        case "merged": status = .merged(into: row.int64(8))
        default: throw StoreError(.decoding, message: "proposal \(id) has an unknown status")
        }
        let proposal = Proposal(
            id: id, workshopID: row.int64(1), authorID: row.int64(2), authorName: row.text(3),
            title: row.text(4), body: row.text(5), goals: goals, status: status, createdAt: row.date(9)
        )
        return ProposalThread(proposal: proposal, buildOns: [], updatedAt: row.date(10))
    }
}
