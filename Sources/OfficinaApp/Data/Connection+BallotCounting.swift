import OfficinaCore
import OfficinaStore

extension SQLDatabase {
    /// The workshop's counting rule (`BallotCounting`): its proposals' statuses and authors and its
    /// voting settings. Every reader of support goes through it, so merges and hides count the same
    /// on the ballot page, in live tallies, in the ranking and in every export.
    func ballotCounting(_ workshop: Workshop) throws -> BallotCounting {
        BallotCounting(proposals: try proposals.countingRows(workshopID: workshop.id), settings: workshop.settings)
    }

    /// Support per proposal as it counts (see ``ballotCounting(_:)``); proposals without support are absent.
    /// Read from the running tallies (``countedSums(_:counting:ratings:)``): a few rows per proposal,
    /// whatever the number of ballots.
    func countedTallies(_ workshop: Workshop) throws -> [Int64: SupportTally] {
        try countedTallies(workshop, counting: try ballotCounting(workshop))
    }

    /// The same, counted by a rule already at hand (it must be the workshop's as stored).
    func countedTallies(_ workshop: Workshop, counting: BallotCounting) throws -> [Int64: SupportTally] {
        try countedSums(workshop, counting: counting, ratings: false).supportTallies(cap: counting.cap)
            .mapValues { SupportTally(support: $0.support, supporters: $0.supporters) }
    }
}
