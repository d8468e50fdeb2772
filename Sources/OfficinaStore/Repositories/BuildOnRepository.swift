import Foundation
import OfficinaCore

/// Build-ons: short replies that extend a proposal.
public struct BuildOnRepository {
    let db: any SQLDatabase

    /// Adds a build-on by `authorID` to `proposalID`.
    public func add(proposalID: Int64, authorID: Int64, text: String, at now: Date = Date()) throws -> BuildOn {
        let now = now.asStored
        let id = try db.insertReturningID(
            "INSERT INTO buildons (proposal_id, author_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            [proposalID, authorID, text, now]
        )
        let name = try db.participants.find(id: authorID)?.name ?? ""
        return BuildOn(id: id, proposalID: proposalID, authorID: authorID, authorName: name, text: text, createdAt: now)
    }

    /// A proposal's build-ons, oldest first.
    public func list(proposalID: Int64) throws -> [BuildOn] {
        try db.query("""
            SELECT b.id, b.proposal_id, b.author_id, a.name, b.text, b.created_at
            FROM buildons b JOIN participants a ON a.id = b.author_id WHERE b.proposal_id = ? ORDER BY b.id
            """, [proposalID], Self.decode)
    }

    /// Every build-on in a workshop grouped by proposal id, each list oldest first.
    public func list(workshopID: Int64) throws -> [Int64: [BuildOn]] {
        let all = try db.query("""
            SELECT b.id, b.proposal_id, b.author_id, a.name, b.text, b.created_at
            FROM buildons b JOIN participants a ON a.id = b.author_id JOIN proposals p ON p.id = b.proposal_id
            WHERE p.workshop_id = ? ORDER BY b.id
            """, [workshopID], Self.decode)
        return Dictionary(grouping: all, by: \.proposalID)
    }

    private static func decode(_ row: Row) -> BuildOn {
        BuildOn(
            id: row.int64(0), proposalID: row.int64(1), authorID: row.int64(2), authorName: row.text(3),
            text: row.text(4), createdAt: row.date(5)
        )
    }
}
