import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Pairwise voting (docs/api.md, "Pairwise"): the next pair for a participant, and their answer.
///
/// Allowed only in a workshop whose method collects comparisons (409 `method`) and, like ballots,
/// only while voting (409 `phase`/`deadline`) and only for a participant of the workshop (403). An
/// answer must carry the `offer` token the server gave with the pair (`PairOffer`), so nobody picks
/// their own pairs. A participant's own proposals are never offered and an answer naming one is
/// refused (403 `own_proposal`).
struct PairwiseRoutes {
    let context: AppContext
    /// Most answers one participant may give in one workshop (choices and skips together): far more
    /// than anyone answers by hand, few enough that a script cannot flood a workshop.
    static let answersPerParticipant = 1_000

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/pair", next)
        routes.post("/api/workshops/:code/comparisons", answer)
    }

    /// `{"pair":[proposal, proposal]|null,"offer":token|null,"answered":n,"comparisons":n,"done":bool}`.
    func next(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        try Self.checkMethod(workshop.settings)
        try PhaseRules.check(.castBallot, phase: workshop.phase, deadline: workshop.deadline)
        let state = try context.store.read { db in
            (threads: try db.proposals.list(workshopID: workshop.id, includeHidden: true),
             comparisons: try db.comparisons.all(workshopID: workshop.id),
             answered: try db.comparisons.answered(participantID: participant.id, workshopID: workshop.id),
             secret: try db.scoring.exposureSecret())
        }
        let candidates = state.threads.map { thread in
            RankingCandidate(id: thread.proposal.id, title: "", status: thread.proposal.status, goals: thread.proposal.goals)
        }
        // Strengths come from every proposal; the participant's own are then left out of the choice,
        // so nobody is asked to judge their own idea (with fewer than two others, no pair is left).
        let own = Set(state.threads.filter { $0.proposal.authorID == participant.id }.map(\.proposal.id))
        let strengths = PairwiseStrengths.candidates(candidates, comparisons: state.comparisons)
            .filter { !own.contains($0.id) }
        // The stream moves on with each answer, so a reload shows the same pair until it is answered.
        var stream = ExposureStream(
            secret: state.secret, context: "\(workshop.code.value):\(participant.id):pair:\(state.answered.count)")
        let viewer = Viewer(isFacilitator: false, participantID: participant.id)
        var body: [(String, JSONValue)] = [("pair", .null), ("offer", .null)]
        if let pair = PairSelection.next(strengths, answered: state.answered, stream: &stream) {
            let byID = Dictionary(state.threads.map { ($0.proposal.id, $0.proposal) }, uniquingKeysWith: { a, _ in a })
            // Which card is on the left is random too: a fixed side would favour one of the two.
            let sides = stream.below(2) == 0 ? [pair.low, pair.high] : [pair.high, pair.low]
            let shown = sides.compactMap { byID[$0] }.map { Self.card($0, settings: workshop.settings, viewer: viewer) }
            body = [
                ("pair", .array(shown)),
                ("offer", .string(PairOffer.token(
                    secret: state.secret, workshopID: workshop.id, participantID: participant.id, pair: pair))),
            ]
        }
        body.append(("answered", .int(state.answered.count)))
        body.append(("comparisons", .int(state.comparisons.count)))
        body.append(("done", .bool(body[0].1 == .null)))
        return .json(.object(body))
    }

    /// `{"winner":id,"loser":id,"offer":token}` or `{"skip":[id,id],"offer":token}`; 201 with the
    /// answer and the participant's count of answers.
    func answer(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let body = try JSONFields(request, allowed: ["winner", "loser", "skip", "offer"])
        let comparison = try Self.comparison(body, participantID: participant.id)
        let offer = try body.requiredRawString("offer", maxLength: 64)
        let answered = try await context.store.write { db -> Int in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try Self.checkMethod(current.settings)
            try PhaseRules.check(.castBallot, phase: current.phase, deadline: current.deadline)
            let visible = try db.proposals.visibleAuthors(workshopID: workshop.id)
            for id in [comparison.pair.low, comparison.pair.high] where visible[id] == participant.id {
                throw Self.ownProposal(id)
            }
            guard PairOffer.verify(
                offer, secret: try db.scoring.exposureSecret(), workshopID: workshop.id, participantID: participant.id,
                pair: comparison.pair) else {
                throw APIError.invalid("offer", "This pair was not offered to you; ask for the next pair first.", code: "offer")
            }
            for id in [comparison.pair.low, comparison.pair.high] where visible[id] == nil {
                throw APIError.invalid("pair", "Proposal \(id) is not open for voting in this workshop.", code: "proposal")
            }
            let count = try db.comparisons.answered(participantID: participant.id, workshopID: workshop.id).count
            guard count < Self.answersPerParticipant else {
                throw APIError(.conflict, code: "comparison_quota",
                               "You have answered \(count) pairs, the most one participant may answer here.")
            }
            guard try db.comparisons.add(comparison, workshopID: workshop.id) else {
                throw APIError(.conflict, code: "answered", "You have already answered this pair.")
            }
            return count + 1
        }
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(.object([
            ("winner", comparison.winner.map { .integer($0) } ?? .null),
            ("loser", comparison.loser.map { .integer($0) } ?? .null),
            ("skip", comparison.isSkip ? .array([.integer(comparison.pair.low), .integer(comparison.pair.high)]) : .null),
            ("answered", .int(answered)),
        ]), status: .created)
    }

    /// 403 `own_proposal`: a comparison is a vote, and judging one's own idea against another is the
    /// self-vote ballots refuse. Unlike ratings this holds even with `allowSelfSupport` on: a pair has
    /// no way to show one's own idea without asking for a verdict on it. Checked before the offer, so
    /// even a pair offered before this rule (or after a proposal changed hands) is refused clearly.
    static func ownProposal(_ id: Int64) -> APIError {
        APIError(.forbidden, code: "own_proposal", "Proposal \(id) is yours; you are not asked to compare your own idea.",
                 field: "pair")
    }

    static func checkMethod(_ settings: WorkshopSettings) throws {
        guard settings.votingMethod.strategy.collectsComparisons else {
            throw APIError(.conflict, code: "method", "This workshop does not vote by comparing pairs.")
        }
    }

    /// The answer in the body: a choice or a skip, never both, two different proposal ids.
    static func comparison(_ body: JSONFields, participantID: Int64) throws -> Comparison {
        let hasChoice = body.has("winner") || body.has("loser")
        if body.has("skip") {
            guard !hasChoice else {
                throw APIError.invalid("skip", "Send either winner and loser, or skip; not both.", code: "comparison")
            }
            guard case let .array(items) = body.members["skip"], items.count == 2,
                  case let .integer(a) = items[0], case let .integer(b) = items[1] else {
                throw body.typeError("skip", "an array of two proposal ids")
            }
            guard let pair = ProposalPair(a, b) else {
                throw APIError.invalid("skip", "A pair is two different proposals.", code: "comparison")
            }
            return Comparison(participantID: participantID, skipped: pair)
        }
        guard hasChoice else {
            throw APIError.invalid("winner", "Send winner and loser (proposal ids), or skip.", code: "comparison")
        }
        guard case let .integer(winner) = body.members["winner"] else { throw body.typeError("winner", "a proposal id") }
        guard case let .integer(loser) = body.members["loser"] else { throw body.typeError("loser", "a proposal id") }
        guard let comparison = Comparison(participantID: participantID, winner: winner, loser: loser) else {
            throw APIError.invalid("loser", "The winner and the loser must be different proposals.", code: "comparison")
        }
        return comparison
    }

    /// What a card shows: the Proposal shape's id, title, body, goals and author (when visible).
    static func card(_ proposal: Proposal, settings: WorkshopSettings, viewer: Viewer) -> JSONValue {
        .object([
            ("id", .integer(proposal.id)),
            ("title", .string(proposal.title)),
            ("body", .string(proposal.body)),
            ("goals", .array(proposal.goals.map { .string($0) })),
            ("author", viewer.seesAuthor(proposal.authorID, settings: settings)
                ? .person(id: proposal.authorID, name: proposal.authorName) : .null),
        ])
    }
}
