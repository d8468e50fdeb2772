import OfficinaCore
import OfficinaStore

extension ExposureInput {
    /// Like `load(_:viewer:in:)`, with the workshop-wide part from `bases` when it was read at
    /// `generation` (taken before any read); only the viewer's own ballot is read per request.
    static func load(
        _ workshop: Workshop, viewer: Viewer, generation: Int, bases: GenerationCache<Int64, ExposureBasis>, store: Store
    ) throws -> ExposureInput? {
        guard workshop.settings.shuffleProposals, !viewer.isFacilitator, let participant = viewer.participantID else {
            return nil
        }
        let cached = bases.value(for: workshop.id, generation: generation)
        let (basis, ballot) = try store.read { db -> (ExposureBasis, Ballot?) in
            let basis = try cached ?? ExposureBasis.load(workshop, in: db)
            let ballot = basis.effectiveMode == .balanced ? try db.ballots.get(participantID: participant, workshopID: workshop.id) : nil
            return (basis, ballot)
        }
        if cached == nil { bases.store(basis, for: workshop.id, generation: generation) }
        var seen: Set<Int64> = []
        if let ballot {
            seen.formUnion(ballot.support.filter { $0.value > 0 }.keys)
            seen.formUnion(ballot.ratings.filter { !$0.value.isEmpty }.keys)
        }
        return ExposureInput(workshop: workshop, participantID: participant, secret: basis.secret,
                             effectiveMode: basis.effectiveMode, counts: basis.counts, seen: seen)
    }
}
