import OfficinaCore
import OfficinaStore

/// What the server needs to order one participant's proposals (docs/scoring.md, "Exposure"): the
/// workshop-wide part (mode, secret, who rated what) and what the viewer already wrote, rated or
/// supported.
struct ExposureInput {
    let workshop: Workshop
    let participantID: Int64
    let basis: ExposureBasis
    let seen: Set<Int64>

    /// `balanced` only while voting; in other phases the order is `shuffled`.
    var effectiveMode: ExposureMode { basis.effectiveMode }

    /// The order of the snapshot's visible proposals for this participant: their kept permutation
    /// (`shuffles`), arranged by the mode. In balanced mode a proposal's raters are at least the
    /// participants whose lists recently started with it (`ledger`), and this list's own top is
    /// recorded there.
    func order(of snapshot: ProposalListSnapshot, shuffles: ExposureShuffleCache, ledger: ExposureLedger) -> ExposureOrder {
        let visible = snapshot.visibleByID
        let permutation = shuffles.permutation(secret: basis.secret, workshopCode: workshop.code.value, participantID: participantID,
                                               count: visible.count)
        let balanced = effectiveMode == .balanced
        let pending = balanced ? ledger.counts(workshopID: workshop.id, excluding: participantID) : [:]
        let candidates = permutation.map { position in
            let proposal = snapshot.threads[visible[Int(position)]].proposal
            let counts = basis.counts[proposal.id]
            return ExposureCandidate(
                id: proposal.id, raters: max(counts?.raters ?? 0, pending[proposal.id] ?? 0), ratings: counts?.ratings ?? 0,
                seenByViewer: proposal.authorID == participantID || seen.contains(proposal.id)
            )
        }
        let order = ExposureOrder.arrange(candidates, mode: effectiveMode)
        if balanced {
            // Unseen ones lead a balanced order, so this stops after about `recorded` ids.
            var unseen: [Int64] = []
            for id in order.ids where unseen.count < ExposureLedger.recorded {
                if let index = snapshot.index[id], snapshot.threads[index].proposal.authorID != participantID, !seen.contains(id) {
                    unseen.append(id)
                }
            }
            ledger.record(workshopID: workshop.id, participant: participantID, proposals: unseen)
        }
        return order
    }

    /// The list answer's `order` field: the mode applied (`id` when the server does not reorder) and
    /// the leading ids to show as needing the participant's eyes.
    static func json(_ order: ExposureOrder?, mode: ExposureMode?) -> JSONValue {
        .object([
            ("mode", .string(mode?.rawValue ?? "id")),
            ("needsEyes", .array((order?.needsEyes ?? []).map { .integer($0) })),
        ])
    }
}
