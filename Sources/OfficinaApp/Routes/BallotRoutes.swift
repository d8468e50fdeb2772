import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// A participant's whole ballot: read it, replace it while voting. Budget, cap, self-support and
/// ratings are checked by `BallotRules`, inside the write, so a ballot can never be stored
/// against a phase or a proposal list that changed meanwhile.
struct BallotRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/ballot", show)
        routes.put("/api/workshops/:code/ballot", replace)
    }

    func show(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        // The ballot as it counts now: what a merge or a hide changed is shown and explained, so the
        // voter can always send back what they see.
        let counted = try context.store.read { db in
            try db.ballotCounting(workshop).count(
                try db.ballots.get(participantID: participant.id, workshopID: workshop.id) ?? Ballot(participantID: participant.id))
        }
        return .json(Self.json(counted.ballot, settings: workshop.settings, notices: counted.notices))
    }

    func replace(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (workshop, participant) = try context.workshopAndParticipant(request)
        let body = try JSONFields(request, allowed: ["support", "ratings"])
        let ballot = Ballot(participantID: participant.id, support: try Self.support(body), ratings: try Self.ratings(body))
        // The check runs inside the write, against the workshop as stored (its row locked until
        // commit); on PostgreSQL a write batch's ballots share one read of it and are stored together.
        let settings = try await context.store.replaceBallot(ballot, workshopID: workshop.id) { stored -> WorkshopSettings in
            guard let current = stored.workshop else { throw APIError.notFound("Workshop") }
            guard current.settings.votingMethod.strategy.collectsBallots else {
                throw APIError(.conflict, code: "method", "This workshop votes by comparing pairs, not with a ballot.")
            }
            try PhaseRules.check(.castBallot, phase: current.phase, deadline: current.deadline)
            try BallotRules.validate(
                ballot, settings: current.settings, visibleProposalIDs: Set(stored.visibleAuthors.keys),
                goalKeys: stored.goalKeys, authorOf: stored.visibleAuthors, participantID: participant.id)
            return current.settings
        }
        context.metrics.recordBallotWritten()
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(Self.json(ballot, settings: settings))
    }

    /// `support`: `{"<proposalId>": dots}`; keys must be ids, values integers.
    static func support(_ body: JSONFields) throws -> [Int64: Int] {
        guard let value = body.members["support"], value != .null else { return [:] }
        guard case let .object(pairs) = value else { throw body.typeError("support", "an object of proposal ids to numbers") }
        guard pairs.count <= 1_000 else { throw APIError.invalid("support", "support names too many proposals.", code: "too_many") }
        var support: [Int64: Int] = [:]
        for (key, amount) in pairs {
            let field = "support.\(key.prefix(24))"
            let id = try Self.proposalID(key, field: field)
            guard case let .integer(dots) = amount, dots >= 0, dots <= 1_000 else {
                throw APIError.invalid(field, "\(field) must be a whole number of dots from 0.", code: "type")
            }
            support[id] = Int(dots)
        }
        return support
    }

    /// A proposal id as a ballot key: canonical decimal only (`5`, not `05`, `+5`, ` 5` or `5.0`), so
    /// two keys never name the same proposal and one silently replace the other.
    static func proposalID(_ key: String, field: String) throws -> Int64 {
        let digits = key.utf8
        guard let first = digits.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let id = Int64(key) else {
            throw APIError.invalid(field, "\(field): a proposal id is a whole number written plainly, without sign or leading zeros.", code: "proposal_id")
        }
        return id
    }

    /// `ratings`: `{"<proposalId>": {"<goalKey>": 0-4}}`.
    static func ratings(_ body: JSONFields) throws -> [Int64: [String: Int]] {
        guard let value = body.members["ratings"], value != .null else { return [:] }
        guard case let .object(pairs) = value else { throw body.typeError("ratings", "an object of proposal ids to ratings") }
        guard pairs.count <= 1_000 else { throw APIError.invalid("ratings", "ratings name too many proposals.", code: "too_many") }
        var ratings: [Int64: [String: Int]] = [:]
        for (key, perGoal) in pairs {
            let field = "ratings.\(key.prefix(24))"
            let id = try Self.proposalID(key, field: field)
            guard case let .object(goals) = perGoal, goals.count <= 64 else {
                throw APIError.invalid(field, "\(field) must be an object of goal keys to ratings 0–4.", code: "type")
            }
            var values: [String: Int] = [:]
            for (goal, rating) in goals {
                guard case let .integer(number) = rating, number >= -1_000, number <= 1_000 else {
                    throw APIError.invalid("\(field).\(goal.prefix(32))", "\(field).\(goal.prefix(32)) must be a whole number from 0 to 4.", code: "type")
                }
                values[goal] = Int(number)
            }
            ratings[id] = values
        }
        return ratings
    }

    /// The Ballot shape, with the method, budget, cap and dots spent, and why any cast dots count
    /// differently (`notices`, see `BallotNotice`).
    static func json(_ ballot: Ballot, settings: WorkshopSettings, notices: [BallotNotice] = []) -> JSONValue {
        .object([
            ("support", .object(ballot.support.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) })),
            ("ratings", .object(ballot.ratings.sorted { $0.key < $1.key }.map { id, goals in
                (String(id), .object(goals.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
            })),
            ("method", .string(settings.votingMethod.rawValue)),
            ("budget", .int(settings.votingMethod == .dots ? settings.dotBudget : 0)),
            ("cap", .int(settings.votingMethod == .dots ? settings.perProposalCap : 1)),
            ("spent", .int(ballot.spent)),
            ("notices", .array(notices.map { notice in
                .object([
                    ("code", .string(notice.reason.rawValue)), ("proposal", .integer(notice.proposal)),
                    ("into", notice.into.map { .integer($0) } ?? .null), ("dots", .int(notice.dots)),
                    ("counted", .int(notice.counted)),
                ])
            })),
        ])
    }
}
