import Foundation
import OfficinaCore
import OfficinaStore

/// What a workshop's ranking and its exports are computed from, loaded in one read: the
/// workshop, its goals with the weights to apply, every proposal, every ballot, the phase log.
public struct WorkshopResults: Sendable {
    public var workshop: Workshop
    public var input: ScoringInput
    public var phaseLog: [PhaseChange]
    public var counts: WorkshopCounts
    /// The workshop's scoring method and exposure order.
    public var preferences: ScoringPreferences = .default
    /// Description and build-on texts per proposal id, for the exports (empty for what the
    /// audience may not read).
    public var details: [String: ProposalDetail] = [:]
    /// The merge audit, loaded for facilitators only.
    public var merges: [MergeAuditEntry]?
    /// The affinity cluster the results are limited to (`?cluster=`), if any.
    public var cluster: ClusterFilter?
    /// The pairwise answers, loaded when the workshop's method collects them.
    public var comparisons: [Comparison] = []

    /// Loads the workshop's scoring input. `weights` is a `?weights=` text (`space:2,community:1`)
    /// checked by `GoalWeights` (422 `weights`); nil applies the programme's goal weights.
    /// `audience` decides which authors and which proposals' text the results carry
    /// (`Viewer+Audience`): the public never reads a hidden or merged proposal's title, in the
    /// ranking or in any export made from it.
    ///
    /// `ballots`, when given, keeps the workshop's counted ballots between loads (`CountedBallotCache`):
    /// only ballots rewritten since are read again.
    static func load(
        _ workshop: Workshop, weights: String?, audience: Viewer, in db: any SQLDatabase, ballots: CountedBallotCache?
    ) throws -> WorkshopResults {
        var goals = try db.workshops.goals(workshopID: workshop.id)
        if let weights, !weights.isEmpty {
            let parsed = try GoalWeights.parse(weights, goals: goals)
            goals = goals.map { goal in
                var goal = goal
                goal.weight = parsed[goal.key] ?? goal.weight
                return goal
            }
        }
        let threads = try db.proposals.list(workshopID: workshop.id, includeHidden: true)
        let candidates = threads.map { thread in
            let proposal = thread.proposal
            return RankingCandidate(
                id: proposal.id, title: audience.readsText(of: proposal) ? proposal.title : "",
                author: audience.seesAuthor(proposal.authorID, settings: workshop.settings) ? proposal.authorName : nil,
                status: proposal.status, goals: proposal.goals, buildOns: thread.buildOns.count)
        }
        let details = Dictionary(threads.filter { audience.readsText(of: $0.proposal) }.map { thread in
            (String(thread.proposal.id), ProposalDetail(description: thread.proposal.body, buildOns: thread.buildOns.map(\.text)))
        }, uniquingKeysWith: { first, _ in first })
        let counts = try db.workshops.counts(workshopID: workshop.id)
        // Counted with authors known (self-support through a merge drops out); the scorer's own
        // counting, which knows no authors, then leaves them as they are.
        let counting = try db.ballotCounting(workshop)
        var input = ScoringInput(
            workshop: workshop.code.value, phase: workshop.phase, goals: goals, candidates: candidates,
            ballots: [], settings: workshop.settings, participants: counts.participants)
        input.participantGroups = try db.participantGroups.groups(programmeID: workshop.programmeID)
        input.groupOf = try db.participantGroups.declared(workshopID: workshop.id)
        input.authorOf = Dictionary(threads.map { ($0.proposal.id, $0.proposal.authorID) }, uniquingKeysWith: { first, _ in first })
        var preferences = try db.scoring.preferences(workshopID: workshop.id)
        preferences.bridging = try db.participantGroups.bridging(workshopID: workshop.id)
        // The running tallies when the method needs nothing per voter; every ballot otherwise
        // (`officina-2` with ratings, broad support, pairwise).
        if TalliedBallots.suffice(for: input, method: preferences.method, bridging: preferences.bridging) {
            input.tallied = TalliedBallots(
                sums: try db.countedSums(workshop, counting: counting), ballots: counts.ballots)
        } else {
            if let ballots {
                input.ballots = try ballots.countedBallots(workshopID: workshop.id, counting: counting, in: db)
            } else {
                input.ballots = try db.ballots.all(workshopID: workshop.id).map { counting.count($0).ballot }
            }
            // Counted here with authors known, one per participant: the scorer need not count again.
            input.ballotsCounted = true
        }
        let merges = !audience.isFacilitator ? nil : try db.proposals.merges(workshopID: workshop.id).map { record in
            MergeAuditEntry(from: record.from, into: record.into, by: record.by, at: record.at, undoneAt: record.undoneAt)
        }
        var results = WorkshopResults(
            workshop: workshop, input: input, phaseLog: try db.workshops.phaseLog(workshopID: workshop.id), counts: counts,
            preferences: preferences, details: details, merges: merges)
        if workshop.settings.votingMethod.strategy.collectsComparisons {
            results.comparisons = try db.comparisons.all(workshopID: workshop.id)
        }
        return results
    }

    /// Loads the workshop's scoring input reading every ballot (see the variant with a ballot cache).
    public static func load(_ workshop: Workshop, weights: String?, audience: Viewer, in db: any SQLDatabase) throws -> WorkshopResults {
        try load(workshop, weights: weights, audience: audience, in: db, ballots: nil)
    }

    /// The ranking (pure computation; run it off the store's threads).
    public func ranking(language: String = "it") -> Ranking {
        var configuration = ScoringConfiguration.default
        configuration.language = language
        configuration.method = preferences.method
        configuration.bridging = preferences.bridging
        let ranking = workshop.settings.votingMethod.strategy.rank(input, comparisons: comparisons, configuration: configuration)
        return cluster.map { ranking.restricted(to: $0.proposalIDs) } ?? ranking
    }

    /// The report every export format renders: the ranking with the phase log and participation.
    public func report(language: String = "it", at now: Date = Date()) -> WorkshopReport {
        var report = WorkshopReport(workshop: workshop, ranking: ranking(language: language), phaseLog: phaseLog, generatedAt: now)
        report.details = details
        report.merges = merges
        report.cluster = cluster?.name
        return report
    }
}
