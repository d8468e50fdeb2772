import OfficinaCore
import OfficinaStore

/// Encoded proposal pieces by proposal and audience, reused while the proposal, its build-ons,
/// its note and the workshop's anonymity are unchanged (compared in full, so an edit is never
/// served stale, whatever the generation).
final class ProposalPieceCache: Sendable {
    struct Key: Hashable {
        let proposalID: Int64
        let facilitator: Bool
    }

    /// Most pieces kept; past it the cache starts over.
    let capacity: Int
    private let pieces = Protected([Key: ProposalPieces]())

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The pieces for `inputs`, from the cache when they were encoded from equal inputs.
    func pieces(_ inputs: ProposalPieces.Inputs, settings: WorkshopSettings, phase: Phase) -> ProposalPieces? {
        let key = Key(proposalID: inputs.thread.proposal.id, facilitator: inputs.facilitator)
        if let cached = pieces.withLock({ $0[key] }), cached.inputs == inputs { return cached }
        guard let fresh = ProposalPieces(inputs, settings: settings, phase: phase) else { return nil }
        pieces.withLock { pieces in
            if pieces.count >= capacity, pieces[key] == nil { pieces.removeAll(keepingCapacity: true) }
            pieces[key] = fresh
        }
        return fresh
    }
}
