/// The tie rule, as one strict total order on scored proposals (docs/scoring.md, "Ties").
///
/// Overall score, higher first; then support units (dots or approvals), more first; then supporters,
/// more first; then ratings received, more first; then the lower id (the earlier proposal).
/// Every key but the first is an integer, so the order is exact and never depends on input order.
enum RankingOrder {
    static let description = LocalizedText(
        it: "punteggio complessivo; a parità, più sostegno (punti o approvazioni), poi più sostenitori, "
            + "poi più valutazioni, poi la proposta inserita prima (id minore)",
        en: "overall score; on a tie, more support (dots or approvals), then more supporters, "
            + "then more ratings, then the earlier proposal (lower id)"
    )

    static func precedes(_ a: ProposalFigures, _ b: ProposalFigures) -> Bool {
        if a.overall != b.overall { return a.overall > b.overall }
        if a.support.dots != b.support.dots { return a.support.dots > b.support.dots }
        if a.support.supporters != b.support.supporters { return a.support.supporters > b.support.supporters }
        if a.ratings != b.ratings { return a.ratings > b.ratings }
        return a.id < b.id
    }

    /// Per goal: score, higher first; then ratings on that goal, more first; then the overall order.
    static func precedes(_ a: ProposalFigures, _ b: ProposalFigures, onGoal goal: Int) -> Bool {
        let left = a.goals[goal]
        let right = b.goals[goal]
        if left.score != right.score { return left.score > right.score }
        if left.ratings != right.ratings { return left.ratings > right.ratings }
        return precedes(a, b)
    }
}
