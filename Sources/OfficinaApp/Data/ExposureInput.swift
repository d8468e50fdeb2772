import OfficinaCore
import OfficinaStore

/// What the server needs to order one participant's proposals (docs/scoring.md, "Exposure"), read in
/// the same transaction as the list: the workshop's mode, the secret, who rated what, and what the
/// viewer already wrote, rated or supported.
struct ExposureInput {
    let workshop: Workshop
    let participantID: Int64
    let secret: [UInt8]
    /// `balanced` only while voting; in other phases the order is `shuffled`.
    let effectiveMode: ExposureMode
    let counts: [Int64: (raters: Int, ratings: Int)]
    let seen: Set<Int64>

    /// Nil when the order is not the server's to decide: facilitators, anonymous readers, and
    /// workshops that do not shuffle (those list proposals by id).
    static func load(_ workshop: Workshop, viewer: Viewer, in db: any SQLDatabase) throws -> ExposureInput? {
        guard workshop.settings.shuffleProposals, !viewer.isFacilitator, let participant = viewer.participantID else {
            return nil
        }
        let basis = try ExposureBasis.load(workshop, in: db)
        var seen: Set<Int64> = []
        if basis.effectiveMode == .balanced, let ballot = try db.ballots.get(participantID: participant, workshopID: workshop.id) {
            seen.formUnion(ballot.support.filter { $0.value > 0 }.keys)
            seen.formUnion(ballot.ratings.filter { !$0.value.isEmpty }.keys)
        }
        return ExposureInput(
            workshop: workshop, participantID: participant, secret: basis.secret,
            effectiveMode: basis.effectiveMode, counts: basis.counts, seen: seen
        )
    }

    /// The order of the visible `proposals` for this participant. In balanced mode a proposal's raters
    /// are at least the participants whose lists recently started with it (`ledger`), and this list's
    /// own top is recorded there.
    func order(of proposals: [Proposal], ledger: ExposureLedger) -> ExposureOrder {
        var stream = ExposureStream(secret: secret, context: "\(workshop.code.value):\(participantID)")
        let balanced = effectiveMode == .balanced
        let pending = balanced ? ledger.counts(workshopID: workshop.id, excluding: participantID) : [:]
        let candidates = proposals.map { proposal in
            ExposureCandidate(
                id: proposal.id, raters: max(counts[proposal.id]?.raters ?? 0, pending[proposal.id] ?? 0),
                ratings: counts[proposal.id]?.ratings ?? 0,
                seenByViewer: seen.contains(proposal.id) || proposal.authorID == participantID
            )
        }
        let order = ExposureOrder.compute(candidates, mode: effectiveMode, stream: &stream)
        if balanced {
            let unseen = Set(candidates.filter { !$0.seenByViewer }.map(\.id))
            ledger.record(workshopID: workshop.id, participant: participantID, proposals: order.ids.filter { unseen.contains($0) })
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
