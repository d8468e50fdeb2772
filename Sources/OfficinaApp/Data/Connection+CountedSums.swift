import OfficinaCore
import OfficinaStore

extension SQLDatabase {
    /// The workshop's counted ballots as histograms (`BallotSums`): the running tallies, with the
    /// cast rows of the few proposals a merge, a hide or the self-support rule touches counted on top
    /// (`BallotCounting+Sums`). A few rows per proposal instead of every ballot.
    /// `ratings: false` counts support only.
    func countedSums(_ workshop: Workshop, counting: BallotCounting, ratings: Bool = true) throws -> BallotSums {
        let recounted = counting.recounted(
            selfSupported: counting.authors.isEmpty ? [] : try ballots.selfSupported(workshopID: workshop.id))
        return counting.counted(
            sums: try ballots.sums(workshopID: workshop.id, ratings: ratings), recounted: recounted,
            rows: try ballots.cast(proposals: recounted, workshopID: workshop.id, ratings: ratings))
    }
}
