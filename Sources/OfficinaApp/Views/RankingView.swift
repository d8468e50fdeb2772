/// Which projection of the ranking an answer carries (`?view=`, docs/api.md "Ranking").
///
/// `full` (the default) is the whole breakdown in the answer's language; `compact` keeps what the
/// projector, the phones and the console draw (rank, title, author, overall and its parts, rank range,
/// goal scores, support, broad support, settled line, shortlist, method summary) and leaves out
/// explanations, intervals, weights, per-goal orders, goal statistics and the excluded proposals.
enum RankingView: String, Hashable, Sendable, QueryChoice {
    case full
    case compact

    /// `?view=`: absent means `full`.
    static var parameter: String { "view" }
    static var byDefault: RankingView { .full }
}
