import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Offers of help: anyone reads the summary (counts and kinds); a participant makes offers and edits or
/// withdraws their own; contacts only ever reach their author (and facilitators, in the people view).
struct OfferRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/offers", list)
        routes.post("/api/workshops/:code/offers", create)
        routes.patch("/api/offers/:id", update)
        routes.delete("/api/offers/:id", withdraw)
    }

    /// Kinds, consent text, summary, and the caller's own offers (empty unless a participant).
    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.participant(of: request, in: workshop)
        let (programme, kinds, offers) = try context.store.read { db in
            (try db.programmes.find(id: workshop.programmeID), try db.offers.kinds(programmeID: workshop.programmeID),
             try db.offers.list(workshopID: workshop.id))
        }
        let mine = offers.filter { $0.authorID == participant?.id }
        return .json(.object([
            ("kinds", .array(kinds.map(JSONValue.offerKind))),
            ("consent", .contactConsent(programme: programme?.title ?? LocalizedText(it: "Officina", en: "Officina"))),
            ("summary", .offerSummary(OfferSummary(offers: offers, kinds: kinds))),
            ("mine", .array(mine.map { .offer($0, workshopCode: workshop.code.value, withAuthor: false, withContact: true, mine: true) })),
        ]))
    }

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let input = try OfferInput(try JSONFields(request, allowed: OfferInput.allowed))
        guard let kind = input.kind else { throw APIError.invalid("kind", "kind is required.", code: "required") }
        let contact = input.contact ?? nil
        let consent = try contact.map { _ in try input.consentForNewContact() }
        let proposalID = input.proposalID ?? nil
        let (offer, event) = try await context.store.write { db -> (Offer, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try OfferRules.checkOpen(current.phase)
            try Self.checkKind(kind, programmeID: current.programmeID, db: db)
            try Self.checkProposal(proposalID, workshopID: current.id, db: db)
            try OfferRules.checkQuota(existing: try db.offers.count(authorID: participant.id))
            let offer = try db.offers.create(
                workshopID: current.id, proposalID: proposalID, authorID: participant.id, kind: kind, note: input.note ?? "",
                organisation: input.organisation ?? "", contact: contact, consent: consent)
            return (offer, try Self.summaryEvent(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        return .json(.offer(offer, workshopCode: workshop.code.value, withAuthor: false, withContact: true, mine: true), status: .created)
    }

    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (offer, workshop, _) = try ownOffer(request)
        let input = try OfferInput(try JSONFields(request, allowed: OfferInput.allowed))
        if input.proposalID != nil {
            throw APIError.invalid("proposalId", "proposalId cannot change: withdraw the offer and make a new one.", code: "immutable")
        }
        let change: OfferRepository.ContactChange
        switch input.contact {
        case .none: change = input.consent == false ? .remove : .keep
        case .some(.none): change = .remove
        case let .some(.some(detail)): change = .set(detail, try input.consentForNewContact())
        }
        let (updated, event) = try await context.store.write { db -> (Offer, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try OfferRules.checkOpen(current.phase)
            if let kind = input.kind { try Self.checkKind(kind, programmeID: current.programmeID, db: db) }
            guard let updated = try db.offers.update(id: offer.id, kind: input.kind, note: input.note, organisation: input.organisation, contact: change) else {
                throw APIError.notFound("Offer")
            }
            return (updated, try Self.summaryEvent(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        return .json(.offer(updated, workshopCode: workshop.code.value, withAuthor: false, withContact: true, mine: true))
    }

    /// Withdraws the offer: its row and contact are deleted, and every open stream gets the new summary.
    func withdraw(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (offer, workshop, _) = try ownOffer(request)
        let event = try await context.store.write { db -> LiveEvent in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            guard try db.offers.delete(id: offer.id) else { throw APIError.notFound("Offer") }
            return try Self.summaryEvent(current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        return HTTPResponse(status: .noContent)
    }

    /// The offer named by `:id`, its workshop and its author; 404 when there is none, 403 for anyone
    /// but the author (facilitators included: an offer is its author's word).
    func ownOffer(_ request: HTTPRequest) throws -> (Offer, Workshop, Participant) {
        let id = try request.idParameter()
        let found: (Offer, Workshop)? = try context.store.read { db in
            guard let offer = try db.offers.find(id: id), let workshop = try db.workshops.find(id: offer.workshopID) else { return nil }
            return (offer, workshop)
        }
        guard let (offer, workshop) = found else { throw APIError.notFound("Offer") }
        guard let participant = try context.participant(of: request, in: workshop) else { throw APIError.notParticipant }
        guard participant.id == offer.authorID else {
            throw APIError(.forbidden, code: "forbidden", "Only the person who made this offer may change or withdraw it.")
        }
        return (offer, workshop, participant)
    }

    static func checkKind(_ kind: String, programmeID: Int64, db: any SQLDatabase) throws {
        let kinds = try db.offers.kinds(programmeID: programmeID)
        guard kinds.contains(where: { $0.key == kind }) else {
            throw APIError.invalid("kind", "kind must be one of \(kinds.map(\.key).joined(separator: ", ")).", code: "kind")
        }
    }

    /// A proposal helped must be a visible one of this workshop.
    static func checkProposal(_ id: Int64?, workshopID: Int64, db: any SQLDatabase) throws {
        guard let id else { return }
        guard let proposal = try db.proposals.find(id: id), proposal.workshopID == workshopID else {
            throw APIError.invalid("proposalId", "proposalId is not a proposal of this workshop.", code: "not_found")
        }
        guard proposal.status == .visible else {
            throw DomainError(.conflict, code: "not_visible", "This proposal is \(proposal.status.name); offer help on the one it was merged into.")
        }
    }

    /// The `offers` live event: the workshop's new summary, the same for everyone (no names, no contacts).
    static func summaryEvent(_ workshop: Workshop, db: any SQLDatabase) throws -> LiveEvent {
        let summary = JSONValue.offerSummary(OfferSummary(offers: try db.offers.list(workshopID: workshop.id),
                                                          kinds: try db.offers.kinds(programmeID: workshop.programmeID)))
        return try db.appendLiveEvent(workshopID: workshop.id, kind: "offers", data: (summary, summary))
    }
}
