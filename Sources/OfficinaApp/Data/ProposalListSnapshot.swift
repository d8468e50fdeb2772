import OfficinaCore
import OfficinaStore

/// What a proposal list reads from the store that is the same for every viewer: the workshop,
/// every proposal with its build-ons (hidden ones too), the counted tallies and the hide notes.
/// Kept per workshop code in a `GenerationCache`, so a room of phones opening the page between
/// two writes costs one read, not one per phone.
struct ProposalListSnapshot: Sendable {
    let workshop: Workshop
    let threads: [ProposalThread]
    let tallies: [Int64: SupportTally]
    let notes: [Int64: ProposalNote]

    /// Reads it in one transaction, or nil when no workshop has `code`.
    static func load(code: String, in db: any SQLDatabase) throws -> ProposalListSnapshot? {
        guard let joinCode = JoinCode(code), let workshop = try db.workshops.find(code: joinCode) else { return nil }
        return ProposalListSnapshot(
            workshop: workshop, threads: try db.proposals.list(workshopID: workshop.id, includeHidden: true),
            tallies: try db.countedTallies(workshop), notes: try db.proposalNotes.list(workshopID: workshop.id))
    }
}
