import OfficinaCore

/// What a ballot is checked against inside its write: the workshop as it is now (its row held
/// steady until commit, see ``WorkshopRepository/lockSettings(id:)``), the visible proposals among
/// those the ballots name with their authors, and its programme's goal keys. Read once per workshop per write batch when the
/// batch's ballots are written together (PostgreSQL), once per ballot otherwise.
public struct BallotWriteContext: Sendable {
    /// The workshop, or `nil` when it no longer exists.
    public let workshop: Workshop?
    /// The author of each visible proposal among those asked for, by proposal id (a ballot's named
    /// proposals: a probe each, so a write costs what it names whatever the workshop's size).
    public let visibleAuthors: [Int64: Int64]
    /// The keys of the goals a ballot may rate.
    public let goalKeys: Set<String>

    /// Locks the workshop's settings until commit and reads the rest.
    static func read(workshopID: Int64, naming proposals: Set<Int64>, from db: any SQLDatabase) throws -> BallotWriteContext {
        try db.workshops.lockSettings(id: workshopID)
        return try readLocked(workshopID: workshopID, naming: proposals, from: db)
    }

    /// Reads the context of a workshop whose row this transaction already locked.
    static func readLocked(workshopID: Int64, naming proposals: Set<Int64>, from db: any SQLDatabase) throws -> BallotWriteContext {
        guard let (workshop, goalKeys) = try db.workshops.findWithGoalKeys(id: workshopID) else {
            return BallotWriteContext(workshop: nil, visibleAuthors: [:], goalKeys: [])
        }
        return BallotWriteContext(
            workshop: workshop, visibleAuthors: try db.proposals.visibleAuthors(of: proposals, workshopID: workshopID),
            goalKeys: goalKeys)
    }
}
