import OfficinaCore
import OfficinaStore

/// What a proposal list reads from the store that is the same for every viewer: the workshop,
/// every proposal with its build-ons (hidden ones too), the counted tallies and the hide notes.
/// Kept per workshop code in a `GenerationCache`, so a room of phones opening the page between
/// two writes costs one read, not one per phone; the lookups a viewer's answer needs are worked
/// out once with it. A class: every request of a generation shares it without copying its fields.
final class ProposalListSnapshot: Sendable {
    let workshop: Workshop
    let threads: [ProposalThread]
    let tallies: [Int64: SupportTally]
    let notes: [Int64: ProposalNote]
    /// Indexes into `threads` of the visible proposals, by ascending id (the candidates of a
    /// participant's order, in the order its permutation is drawn over).
    let visibleByID: [Int]
    /// Index into `threads` by proposal id.
    let index: [Int64: Int]
    /// Per participant, the indexes into `threads` of the proposals they wrote or built on: the
    /// ones encoded for them alone (`mine`, a hidden reason, their name in an anonymous workshop).
    let involving: [Int64: [Int]]
    /// Per index into `threads`: the proposal's id, status and author (read per request without
    /// copying the thread).
    let ids: [Int64]
    let statuses: [ProposalStatus]
    let authors: [Int64]
    /// Tells this read from any other (a participant's kept order names the snapshot it came from).
    let readID = UInt64.random(in: .min ... .max)

    init(workshop: Workshop, threads: [ProposalThread], tallies: [Int64: SupportTally], notes: [Int64: ProposalNote]) {
        self.workshop = workshop
        self.threads = threads
        self.tallies = tallies
        self.notes = notes
        var index: [Int64: Int] = [:]
        var involving: [Int64: [Int]] = [:]
        for (position, thread) in threads.enumerated() {
            index[thread.proposal.id] = position
            var people = [thread.proposal.authorID]
            for buildOn in thread.buildOns where !people.contains(buildOn.authorID) { people.append(buildOn.authorID) }
            for person in people { involving[person, default: []].append(position) }
        }
        self.index = index
        self.involving = involving
        ids = threads.map(\.proposal.id)
        statuses = threads.map(\.proposal.status)
        authors = threads.map(\.proposal.authorID)
        visibleByID = threads.indices.filter { threads[$0].proposal.status == .visible }
            .sorted { threads[$0].proposal.id < threads[$1].proposal.id }
    }

    /// Whether `viewer` lists the proposal at `index` (`Viewer.lists(_:)`).
    func lists(_ index: Int, by viewer: Viewer) -> Bool {
        viewer.lists(status: statuses[index], authorID: authors[index])
    }

    /// Reads it in one transaction, or nil when no workshop has `code`.
    static func load(code: String, in db: any SQLDatabase) throws -> ProposalListSnapshot? {
        guard let joinCode = JoinCode(code), let workshop = try db.workshops.find(code: joinCode) else { return nil }
        return ProposalListSnapshot(
            workshop: workshop, threads: try db.proposals.list(workshopID: workshop.id, includeHidden: true),
            tallies: try db.countedTallies(workshop), notes: try db.proposalNotes.list(workshopID: workshop.id))
    }
}
