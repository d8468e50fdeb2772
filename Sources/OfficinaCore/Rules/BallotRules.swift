/// Whether a participant's whole ballot is acceptable (DESIGN.md §2, docs/api.md "Ballot").
///
/// Checked in this order, the first problem found is reported (ids and goal keys in ascending order so
/// the same ballot always gets the same answer); every error is `DomainError(.invalid)` (HTTP 422):
///
/// | code | when | field |
/// |---|---|---|
/// | `unknown_proposal` | support or ratings name a proposal that is not visible in this workshop | `support.<id>` / `ratings.<id>` |
/// | `approval_value` | approval voting, and a support value other than 1 (0 entries are dropped) | `support.<id>` |
/// | `cap` | dots voting, and dots on one proposal below 0 or above the per-proposal cap | `support.<id>` |
/// | `budget` | dots voting, and the dots add up to more than the budget | `support` |
/// | `self_support` | support for one's own proposal while `allowSelfSupport` is off | `support.<id>` |
/// | `ratings_disabled` | ratings sent while the workshop does not ask for them | `ratings` |
/// | `self_rating` | ratings of one's own proposal while `allowSelfSupport` is off | `ratings.<id>` |
/// | `unknown_goal` | a rating on a goal the programme does not have | `ratings.<id>.<goal>` |
/// | `rating` | a rating outside 0…4 | `ratings.<id>.<goal>` |
///
/// Rating one's own proposal is held to the same rule as supporting it: both would let an author push
/// their own idea up the ranking. The participant interface should hide both controls on `mine` proposals.
public enum BallotRules {
    public static func validate(
        _ ballot: Ballot, settings: WorkshopSettings, visibleProposalIDs: Set<Int64>, goalKeys: Set<String>,
        authorOf: [Int64: Int64], participantID: Int64
    ) throws(DomainError) {
        let supported = ballot.support.keys.sorted()
        let rated = ballot.ratings.keys.sorted()
        for id in supported where !visibleProposalIDs.contains(id) {
            throw DomainError(.invalid, code: "unknown_proposal", "proposal \(id) is not open for voting in this workshop", field: "support.\(id)")
        }
        for id in rated where !visibleProposalIDs.contains(id) {
            throw DomainError(.invalid, code: "unknown_proposal", "proposal \(id) is not open for voting in this workshop", field: "ratings.\(id)")
        }
        try validateSupport(ballot, ids: supported, settings: settings)
        let isOwn = { (id: Int64) in !settings.allowSelfSupport && authorOf[id] == participantID }
        for id in supported where isOwn(id) {
            throw DomainError(.invalid, code: "self_support", "you cannot support your own proposal \(id)", field: "support.\(id)")
        }
        guard !rated.isEmpty else { return }
        guard settings.ratingsEnabled else {
            throw DomainError(.invalid, code: "ratings_disabled", "this workshop does not ask for ratings", field: "ratings")
        }
        for id in rated {
            if isOwn(id) {
                throw DomainError(.invalid, code: "self_rating", "you cannot rate your own proposal \(id)", field: "ratings.\(id)")
            }
            let ratings = ballot.ratings[id] ?? [:]
            for goal in ratings.keys.sorted() {
                guard goalKeys.contains(goal) else {
                    throw DomainError(
                        .invalid, code: "unknown_goal",
                        "unknown goal '\(goal.prefix(40))'; known goals: \(goalKeys.sorted().joined(separator: ", "))",
                        field: "ratings.\(id).\(goal.prefix(40))")
                }
                let value = ratings[goal] ?? 0
                guard (0...Ballot.maxRating).contains(value) else {
                    throw DomainError(
                        .invalid, code: "rating", "a rating must be 0 to \(Ballot.maxRating); proposal \(id), goal \(goal) has \(value)",
                        field: "ratings.\(id).\(goal)")
                }
            }
        }
    }

    private static func validateSupport(_ ballot: Ballot, ids: [Int64], settings: WorkshopSettings) throws(DomainError) {
        switch settings.votingMethod {
        case .approval:
            for id in ids where ballot.support[id] != 1 {
                throw DomainError(
                    .invalid, code: "approval_value",
                    "with approval voting, support is 1 (or absent); proposal \(id) has \(ballot.support[id] ?? 0)",
                    field: "support.\(id)")
            }
        case .pairwise:
            // A pairwise workshop takes comparisons, not ballots (`PairwiseVoting`).
            if let id = ids.first(where: { (ballot.support[$0] ?? 0) != 0 }) {
                throw DomainError(
                    .invalid, code: "method", "this workshop votes by comparing pairs; a ballot gives no support",
                    field: "support.\(id)")
            }
        case .dots:
            var spent = 0
            for id in ids {
                let dots = ballot.support[id] ?? 0
                guard (0...settings.perProposalCap).contains(dots) else {
                    throw DomainError(
                        .invalid, code: "cap",
                        "at most \(settings.perProposalCap) dots on one proposal; proposal \(id) has \(dots)", field: "support.\(id)")
                }
                // Each term is within 0…cap, so this sum cannot overflow.
                spent += dots
            }
            guard spent <= settings.dotBudget else {
                throw DomainError(
                    .invalid, code: "budget", "the ballot spends \(spent) dots; the budget is \(settings.dotBudget)", field: "support")
            }
        }
    }
}
