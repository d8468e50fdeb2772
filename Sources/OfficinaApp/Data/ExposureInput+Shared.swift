import OfficinaCore
import OfficinaStore

extension ExposureInput {
    /// The input for `viewer`'s order, with the workshop-wide part from `bases` when it was read at
    /// `generation` (taken before any read). `seen`: what the viewer's ballot supports or rates.
    /// Nil when the order is not the server's to decide: facilitators, anonymous readers, and
    /// workshops that do not shuffle (those list proposals by id). A balanced basis read afresh
    /// carries the contenders from `focus` (judged on the raters of the `visible` proposals: a
    /// proposal hidden early, with few raters, must not hold the focus back), ranked with `ballots`
    /// when they must be found again.
    static func load(
        _ workshop: Workshop, viewer: Viewer, seen: Set<Int64>, generation: Int, bases: GenerationCache<Int64, ExposureBasis>,
        visible: some Collection<Int64>, focus: ExposureFocusCache, ballots: CountedBallotCache, store: Store
    ) throws -> ExposureInput? {
        guard workshop.settings.shuffleProposals, !viewer.isFacilitator, let participant = viewer.participantID else {
            return nil
        }
        let basis: ExposureBasis
        if let cached = bases.value(for: workshop.id, generation: generation) {
            basis = cached
        } else {
            var loaded = try store.read { try ExposureBasis.load(workshop, in: $0) }
            if loaded.effectiveMode == .balanced {
                let counts = loaded.counts
                loaded.contending = focus.contending(workshopID: workshop.id, raters: visible.map { counts[$0]?.raters ?? 0 }) {
                    try store.read { db in
                        try WorkshopResults.load(workshop, weights: nil, audience: .anyone, in: db, ballots: ballots)
                    }.ranking()
                }
            }
            basis = loaded
            bases.store(basis, for: workshop.id, generation: generation)
        }
        return ExposureInput(workshop: workshop, participantID: participant, basis: basis,
                             seen: basis.effectiveMode == .balanced ? seen : [])
    }
}
