import OfficinaCore
import OfficinaStore

/// What a proposal list shows that is the same for every viewer between two writes: the content
/// (`ProposalListContent`, kept across ballots) and the counted tallies of this generation. Kept
/// per workshop code in a `GenerationCache` under the store's `changeGeneration`, so a room of
/// phones opening the page between two writes costs one read of the tallies, not one per phone.
final class ProposalListSnapshot: Sendable {
    let content: ProposalListContent
    let tallies: [Int64: SupportTally]

    init(content: ProposalListContent, tallies: [Int64: SupportTally]) {
        self.content = content
        self.tallies = tallies
    }

    /// Whether `viewer` lists the proposal at `index` (`Viewer.lists(_:)`).
    func lists(_ index: Int, by viewer: Viewer) -> Bool {
        viewer.lists(status: content.statuses[index], authorID: content.authors[index])
    }

    /// Reads the tallies of `content`'s workshop, counted by its rule (`ballotCounting`).
    static func load(_ content: ProposalListContent, in db: any SQLDatabase) throws -> ProposalListSnapshot {
        ProposalListSnapshot(content: content, tallies: try db.countedTallies(content.workshop, counting: content.counting))
    }
}
