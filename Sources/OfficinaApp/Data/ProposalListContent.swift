import OfficinaCore
import OfficinaStore

/// What a proposal list reads from the store that is the same for every viewer and that no ballot
/// changes: the workshop, every proposal with its build-ons (hidden ones too) and the hide notes,
/// with the lookups a viewer's answer needs worked out once. Kept per workshop code in a
/// `GenerationCache` under the store's `contentGeneration`, so a storm of ballots does not make
/// every list read the proposals again; the tallies are read apart (`ProposalListSnapshot`). A
/// class: every request shares it without copying its fields.
final class ProposalListContent: Sendable {
    let workshop: Workshop
    let threads: [ProposalThread]
    let notes: [Int64: ProposalNote]
    /// How ballots count in this workshop (statuses, authors, cap), as `ballotCounting` reads it.
    let counting: BallotCounting
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
    /// Tells this read from any other (a participant's kept order names the content it came from).
    let readID = UInt64.random(in: .min ... .max)

    /// `threads` in ascending id order, as `ProposalRepository.list` returns them.
    init(workshop: Workshop, threads: [ProposalThread], notes: [Int64: ProposalNote]) {
        self.workshop = workshop
        self.threads = threads
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
        counting = BallotCounting(proposals: threads.map { ($0.proposal.id, $0.proposal.authorID, $0.proposal.status) },
                                  settings: workshop.settings)
        visibleByID = threads.indices.filter { threads[$0].proposal.status == .visible }
            .sorted { threads[$0].proposal.id < threads[$1].proposal.id }
    }

    /// Reads it in one transaction, or nil when no workshop has `code`.
    static func load(code: String, in db: any SQLDatabase) throws -> ProposalListContent? {
        guard let joinCode = JoinCode(code), let workshop = try db.workshops.find(code: joinCode) else { return nil }
        return ProposalListContent(workshop: workshop, threads: try db.proposals.list(workshopID: workshop.id, includeHidden: true),
                                   notes: try db.proposalNotes.list(workshopID: workshop.id))
    }
}
