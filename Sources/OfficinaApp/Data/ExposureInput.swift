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
    func order(of snapshot: ProposalListSnapshot, shuffles: ExposureShuffleCache, ledger: ExposureLedger,
               kept: ExposureOrderCache) -> ExposureOrder {
        let content = snapshot.content
        let visible = content.visibleByID
        let permutation = shuffles.permutation(secret: basis.secret, workshopCode: workshop.code.value, participantID: participantID,
                                               count: visible.count)
        guard effectiveMode == .balanced else {
            return ExposureOrder(ids: permutation.map { content.ids[visible[Int($0)]] }, needsEyes: [])
        }
        let source = ExposureOrderCache.Source(contentRead: snapshot.content.readID, basisRead: basis.readID,
                                               ledgerVersion: ledger.version(workshopID: workshop.id), seen: seen)
        let order: ExposureOrder
        if let unchanged = kept.order(workshopID: workshop.id, participantID: participantID, source: source) {
            order = unchanged
        } else {
            order = arrange(snapshot, permutation: permutation, ledger: ledger)
            kept.keep(order, workshopID: workshop.id, participantID: participantID, source: source)
        }
        // Unseen ones lead a balanced order, so this stops after about `recorded` ids.
        var unseen: [Int64] = []
        for id in order.ids where unseen.count < ExposureLedger.recorded {
            if let index = content.index[id], content.authors[index] != participantID, !seen.contains(id) {
                unseen.append(id)
            }
        }
        ledger.record(workshopID: workshop.id, participant: participantID, proposals: unseen)
        return order
    }

    /// The balanced order of the snapshot's visible proposals, from the participant's permutation.
    private func arrange(_ snapshot: ProposalListSnapshot, permutation: [Int32], ledger: ExposureLedger) -> ExposureOrder {
        let content = snapshot.content
        let visible = content.visibleByID
        let pending = ledger.counts(workshopID: workshop.id, excluding: participantID)
        let contending = basis.contending
        let candidates = permutation.map { position in
            let index = visible[Int(position)]
            let id = content.ids[index]
            let counts = basis.counts[id]
            return ExposureCandidate(
                id: id, raters: max(counts?.raters ?? 0, pending[id]), ratings: counts?.ratings ?? 0,
                seenByViewer: content.authors[index] == participantID || (!seen.isEmpty && seen.contains(id)),
                contending: !contending.isEmpty && contending.contains(id)
            )
        }
        return ExposureOrder.arrange(candidates, mode: .balanced)
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
