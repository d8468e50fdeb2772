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
    /// Description and build-on texts per proposal id, for the exports.
    public var details: [String: ProposalDetail] = [:]
    /// The merge audit, loaded for facilitators only.
    public var merges: [MergeAuditEntry]?

    /// Loads the workshop's scoring input. `weights` is a `?weights=` text (`space:2,community:1`)
    /// checked by `GoalWeights` (422 `weights`); nil applies the programme's goal weights.
    /// `showAuthors` is false for readers who may not see authors of an anonymous workshop;
    /// `redactHidden` (readers who are not facilitators) blanks the text of hidden proposals.
    public static func load(
        _ workshop: Workshop, weights: String?, showAuthors: Bool, redactHidden: Bool = false, in db: Connection
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
        let authorsShown = showAuthors || !workshop.settings.anonymous
        var threads = try db.proposals.list(workshopID: workshop.id, includeHidden: true)
        if redactHidden {
            // The public results never carry what a facilitator hid: only its id and status remain.
            for index in threads.indices where threads[index].proposal.status == .hidden {
                threads[index].proposal.title = ""
                threads[index].proposal.body = ""
                threads[index].buildOns = []
            }
        }
        let candidates = threads.map { thread in
            RankingCandidate(proposal: thread.proposal, buildOns: thread.buildOns.count, showAuthor: authorsShown)
        }
        let details = Dictionary(threads.map { thread in
            (String(thread.proposal.id), ProposalDetail(description: thread.proposal.body, buildOns: thread.buildOns.map(\.text)))
        }, uniquingKeysWith: { first, _ in first })
        let counts = try db.workshops.counts(workshopID: workshop.id)
        let input = ScoringInput(
            workshop: workshop.code.value, phase: workshop.phase, goals: goals, candidates: candidates,
            ballots: try db.ballots.all(workshopID: workshop.id), settings: workshop.settings, participants: counts.participants)
        let merges = redactHidden ? nil : try db.proposals.merges(workshopID: workshop.id).map { record in
            MergeAuditEntry(from: record.from, into: record.into, by: record.by, at: record.at, undoneAt: record.undoneAt)
        }
        return WorkshopResults(workshop: workshop, input: input, phaseLog: try db.workshops.phaseLog(workshopID: workshop.id), counts: counts,
                               details: details, merges: merges)
    }

    /// The ranking (pure computation; run it off the store's threads).
    public func ranking(language: String = "it") -> Ranking {
        var configuration = ScoringConfiguration.default
        configuration.language = language
        return Ranking.compute(input, configuration: configuration)
    }

    /// The report every export format renders: the ranking with the phase log and participation.
    public func report(language: String = "it", at now: Date = Date()) -> WorkshopReport {
        var report = WorkshopReport(workshop: workshop, ranking: ranking(language: language), phaseLog: phaseLog, generatedAt: now)
        report.details = details
        report.merges = merges
        return report
    }
}
