/// Which projection of the ranking an answer carries (`?view=`, docs/api.md "Ranking").
///
/// `full` (the default) is the whole breakdown in the answer's language; `compact` keeps what the
/// projector, the phones and the console draw (rank, title, author, overall and its parts, rank range,
/// goal scores, support, broad support, settled line, shortlist, method summary) and leaves out
/// explanations, intervals, weights, per-goal orders, goal statistics and the excluded proposals.
enum RankingView: String, Hashable, Sendable {
    case full
    case compact

    /// Parses `?view=`: absent means `full`, anything unknown is a 422 naming `view`.
    init(query: String?) throws {
        guard let query, !query.isEmpty else {
            self = .full
            return
        }
        guard let view = RankingView(rawValue: query) else {
            throw APIError.invalid("view", "view must be full or compact.", code: "view")
        }
        self = view
    }
}
