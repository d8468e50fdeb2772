import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension ProposalRoutes {
    /// The proposals a viewer may list, in their order. The store reads are shared by every viewer
    /// between two writes (`ProposalListSnapshot`), each proposal is encoded once per audience
    /// (`ProposalPieces`), and a viewer's answer is assembled from those pieces: only the order,
    /// the tallies and the viewer's own proposals are worked out per request.
    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.writerStatistics.writes
        let code = try request.parameter("code")
        let snapshot: ProposalListSnapshot
        if let cached = context.proposalLists.value(for: code, generation: generation) {
            snapshot = cached
        } else {
            guard let loaded = try context.store.read({ try ProposalListSnapshot.load(code: code, in: $0) }) else {
                throw APIError.notFound("Workshop")
            }
            context.proposalLists.store(loaded, for: code, generation: generation)
            snapshot = loaded
        }
        let workshop = snapshot.workshop
        let viewer = try context.viewer(of: request, in: workshop)
        // Without a participant the answer depends only on the audience (no order of its own, no
        // `mine`): kept whole per generation, and answered with an ETag.
        let shared = viewer.participantID == nil ? ProposalListKey(code: code, facilitator: viewer.isFacilitator) : nil
        if let shared, let answer = context.proposalListAnswers.value(for: shared, generation: generation) {
            return answer.response(to: request)
        }
        let exposure = try ExposureInput.load(workshop, viewer: viewer, generation: generation, bases: context.exposureBases,
                                              store: context.store)
        var shown = snapshot.threads.filter { viewer.lists($0.proposal) }
        let order = exposure?.order(of: shown.filter { $0.proposal.status == .visible }.map(\.proposal), ledger: context.exposures)
        if let order {
            var position: [Int64: Int] = [:]
            for (index, id) in order.ids.enumerated() { position[id] = index }
            // Proposals outside the order (the viewer's own hidden ones) go last, by id.
            shown.sort { (position[$0.proposal.id] ?? Int.max, $0.proposal.id) < (position[$1.proposal.id] ?? Int.max, $1.proposal.id) }
        }
        var output: [UInt8] = []
        output.reserveCapacity(shown.count * 400 + 64)
        output.append(contentsOf: #"{"proposals":["#.utf8)
        let tallyShown = viewer.isFacilitator || ProposalView.talliesVisible(workshop.settings, workshop.phase)
        for (index, thread) in shown.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(thread, of: snapshot, for: viewer, tallyShown: tallyShown, into: &output)
        }
        output.append(contentsOf: #"],"order":"#.utf8)
        ExposureInput.json(order, mode: exposure?.effectiveMode).write(into: &output)
        output.append(UInt8(ascii: "}"))
        if let shared {
            let answer = EncodedAnswer(output)
            context.proposalListAnswers.store(answer, for: shared, generation: generation)
            return answer.response(to: request)
        }
        return HTTPResponse(contentType: "application/json; charset=utf-8", body: output)
    }

    /// One proposal as `viewer` sees it. A participant's own proposal or build-on shows things
    /// others do not (`mine`, a hidden reason, an anonymous author): those are encoded for them
    /// alone; everything else comes from the audience's cached pieces.
    private func write(_ thread: ProposalThread, of snapshot: ProposalListSnapshot, for viewer: Viewer, tallyShown: Bool,
                       into output: inout [UInt8]) {
        let workshop = snapshot.workshop
        let id = thread.proposal.id
        if let participant = viewer.participantID,
           thread.proposal.authorID == participant || thread.buildOns.contains(where: { $0.authorID == participant }) {
            ProposalView(thread: thread, workshopCode: workshop.code.value, settings: workshop.settings, phase: workshop.phase,
                         tally: snapshot.tallies[id], note: snapshot.notes[id]).json(for: viewer).write(into: &output)
            return
        }
        let inputs = ProposalPieces.Inputs(thread: thread, note: snapshot.notes[id], workshopCode: workshop.code.value,
                                           anonymous: workshop.settings.anonymous, facilitator: viewer.isFacilitator)
        guard let pieces = context.proposalPieces.pieces(inputs, settings: workshop.settings, phase: workshop.phase) else {
            ProposalView(thread: thread, workshopCode: workshop.code.value, settings: workshop.settings, phase: workshop.phase,
                         tally: snapshot.tallies[id], note: snapshot.notes[id]).json(for: viewer).write(into: &output)
            return
        }
        pieces.write(tally: ProposalPieces.tallyBytes(snapshot.tallies[id], shown: tallyShown), into: &output)
    }
}
