import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension ProposalRoutes {
    /// The proposals a viewer may list, in their order. Everything that is the same for every
    /// viewer between two writes is kept by store generation: the store reads
    /// (`ProposalListSnapshot`; its `ProposalListContent` kept across ballots), every proposal encoded per audience with its tally
    /// (`ProposalListEncoding`, from per-proposal `ProposalPieces`), the participant cookie's holder
    /// (`ListParticipant`) and the workshop-wide part of the order (`ExposureBasis`); a participant's
    /// permutation is kept for good (`ExposureShuffleCache`). Per request: the order's arrangement,
    /// the viewer's own proposals, and a copy per proposal.
    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.changeGeneration
        let contentGeneration = context.store.contentGeneration
        let code = try request.parameter("code")
        let snapshot: ProposalListSnapshot
        if let cached = context.proposalLists.value(for: code, generation: generation) {
            snapshot = cached
        } else {
            let content: ProposalListContent
            if let cached = context.proposalContents.value(for: code, generation: contentGeneration) {
                content = cached
            } else {
                guard let loaded = try context.store.read({ try ProposalListContent.load(code: code, in: $0) }) else {
                    throw APIError.notFound("Workshop")
                }
                context.proposalContents.store(loaded, for: code, generation: contentGeneration)
                content = loaded
            }
            snapshot = try context.store.read { try ProposalListSnapshot.load(content, in: $0) }
            context.proposalLists.store(snapshot, for: code, generation: generation)
        }
        let content = snapshot.content
        let workshop = content.workshop
        let (viewer, seen) = try listViewer(request, in: workshop, generation: generation)
        // Without a participant the answer depends only on the audience (no order of its own, no
        // `mine`): kept whole per generation, and answered with an ETag.
        let audience = ProposalListKey(code: code, facilitator: viewer.isFacilitator)
        let shared = viewer.participantID == nil
        if shared, let answer = context.proposalListAnswers.value(for: audience, generation: generation) {
            return answer.response(to: request)
        }
        let encoding: ProposalListEncoding
        if let cached = context.proposalListEncodings.value(for: audience, generation: generation) {
            encoding = cached
        } else {
            encoding = ProposalListEncoding(snapshot, facilitator: viewer.isFacilitator, pieces: context.proposalPieces)
            context.proposalListEncodings.store(encoding, for: audience, generation: generation)
        }
        let exposure = try ExposureInput.load(workshop, viewer: viewer, seen: seen, generation: generation, bases: context.exposureBases,
                                              visible: content.visibleByID.lazy.map { content.ids[$0] },
                                              focus: context.exposureFocus, ballots: context.ballotCache, store: context.store)
        let order = exposure?.order(of: snapshot, shuffles: context.exposureShuffles, ledger: context.exposures,
                                    kept: context.exposureOrders)
        let own = viewer.participantID.flatMap { content.involving[$0] } ?? []

        var output: [UInt8] = []
        output.reserveCapacity(content.threads.count * 400 + 64)
        output.append(contentsOf: #"{"proposals":["#.utf8)
        var first = true
        func append(_ index: Int) {
            guard snapshot.lists(index, by: viewer) else { return }
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            if own.contains(index) || !encoding.write(index, into: &output) {
                let id = content.ids[index]
                ProposalView(thread: content.threads[index], workshopCode: workshop.code.value, settings: workshop.settings,
                             phase: workshop.phase, tally: snapshot.tallies[id], note: content.notes[id])
                    .json(for: viewer).write(into: &output)
            }
        }
        if let order {
            for id in order.ids { if let index = content.index[id] { append(index) } }
            // Proposals outside the order (the viewer's own hidden ones) go last, by id.
            for index in own.sorted(by: { content.ids[$0] < content.ids[$1] }) where content.statuses[index] != .visible {
                append(index)
            }
        } else {
            for index in content.threads.indices { append(index) }
        }
        output.append(contentsOf: #"],"order":"#.utf8)
        ExposureInput.json(order, mode: exposure?.effectiveMode).write(into: &output)
        output.append(UInt8(ascii: "}"))
        if shared {
            let answer = EncodedAnswer(output)
            context.proposalListAnswers.store(answer, for: audience, generation: generation)
            return answer.response(to: request)
        }
        return HTTPResponse(contentType: "application/json; charset=utf-8", body: output)
    }

    /// Who asks, as `AppContext.viewer(of:in:)` decides, and what their ballot already supports or
    /// rates. The participant cookie's holder is looked up once per generation (`ListParticipant`).
    private func listViewer(_ request: HTTPRequest, in workshop: Workshop, generation: Int) throws -> (Viewer, seen: Set<Int64>) {
        if let requested = Viewer.requested(by: request) { return (requested, []) }
        let isFacilitator = try context.facilitator(of: request) != nil
        guard let cookie = request.cookies[context.cookies.participantName(workshop.code.value)] else {
            return (Viewer(isFacilitator: isFacilitator, participantID: nil), [])
        }
        let key = ListParticipant.Key(workshopID: workshop.id, cookie: cookie)
        if let cached = context.listParticipants.value(for: key, generation: generation) {
            return (Viewer(isFacilitator: isFacilitator, participantID: cached.id), cached.seen)
        }
        guard let token = SecureToken(cookie) else { return (Viewer(isFacilitator: isFacilitator, participantID: nil), []) }
        let withBallot = workshop.settings.shuffleProposals && workshop.phase == .voting
        let found = try context.store.read { try ListParticipant.load(token: token, workshopID: workshop.id, withBallot: withBallot, in: $0) }
        if let found { context.listParticipants.store(found, for: key, generation: generation) }
        return (Viewer(isFacilitator: isFacilitator, participantID: found?.id), found?.seen ?? [])
    }
}
