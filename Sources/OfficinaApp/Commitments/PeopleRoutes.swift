import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// People and partners (facilitators only): per workshop and across the programme, offers by kind, goal
/// and proposal, organisations, who may be contacted; contact exports (consenting people only), each
/// recorded and listed.
struct PeopleRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/people", workshopPeople)
        routes.get("/api/programmes/:id/people", programmePeople)
        routes.post("/api/programmes/:id/contacts", contacts)
        routes.get("/api/programmes/:id/contact-exports", exports)
    }

    func workshopPeople(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let (directory, kinds, goals) = try context.store.read { db in
            let (directory, kinds) = try Self.directory(programmeID: workshop.programmeID, workshops: [workshop], db: db)
            return (directory, kinds, try db.workshops.goals(workshopID: workshop.id))
        }
        return .json(Self.json(directory, kinds: kinds, goals: goals, scope: .object([
            ("programme", .integer(workshop.programmeID)), ("workshop", .string(workshop.code.value)),
        ])))
    }

    func programmePeople(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let loaded: (PeopleDirectory, [OfferKind], [Goal])? = try context.store.read { db in
            guard let programme = try db.programmes.find(id: id) else { return nil }
            let (directory, kinds) = try Self.directory(programmeID: id, workshops: try db.workshops.list(programmeID: id), db: db)
            return (directory, kinds, programme.goals)
        }
        guard let (directory, kinds, goals) = loaded else { throw APIError.notFound("Programme") }
        return .json(Self.json(directory, kinds: kinds, goals: goals, scope: .object([("programme", .integer(id)), ("workshop", .null)])))
    }

    func exports(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let records = try context.store.read { db in try db.contactExports.list(programmeID: id) }
        return .json(["exports": .array(records.map { record in
            .object([("id", .integer(record.id)), ("workshop", record.workshopCode.map { .string($0) } ?? .null),
                     ("by", .string(record.facilitator)), ("format", .string(record.format)), ("contacts", .int(record.contacts)),
                     ("at", .date(record.at))])
        })])
    }

    // MARK: helpers

    static func directory(programmeID: Int64, workshops: [Workshop], db: any SQLDatabase) throws -> (PeopleDirectory, [OfferKind]) {
        var offers: [Offer] = []
        var proposals: [PeopleDirectory.ProposalInfo] = []
        var codes: [Int64: String] = [:]
        for workshop in workshops {
            codes[workshop.id] = workshop.code.value
            offers += try db.offers.list(workshopID: workshop.id)
            proposals += try db.proposals.list(workshopID: workshop.id, includeHidden: true).map {
                .init(id: $0.proposal.id, workshop: workshop.code.value, title: $0.proposal.title, goals: $0.proposal.goals)
            }
        }
        let kinds = try db.offers.kinds(programmeID: programmeID)
        return (PeopleDirectory(offers: offers, proposals: proposals, kinds: kinds, workshopCodes: codes), kinds)
    }

    static func json(_ directory: PeopleDirectory, kinds: [OfferKind], goals: [Goal], scope: JSONValue) -> JSONValue {
        var offerers: [(Int64, String)] = []
        for offer in directory.offers where !offerers.contains(where: { $0.0 == offer.authorID }) { offerers.append((offer.authorID, offer.authorName)) }
        return .object([
            ("scope", scope),
            ("totals", .object([
                ("offers", .int(directory.offers.count)), ("people", .int(offerers.count)),
                ("reachable", .int(directory.reachable.count)), ("organisations", .int(directory.organisations.count)),
            ])),
            ("byKind", .array(kinds.map { .object([("key", .string($0.key)), ("label", .localized($0.label)), ("count", .int(directory.byKind[$0.key] ?? 0))]) })),
            ("byGoal", .array(goals.map { .object([("key", .string($0.key)), ("label", .localized($0.label)), ("count", .int(directory.byGoal[$0.key] ?? 0))]) })),
            ("byProposal", .array(directory.byProposal.map { entry in
                .object([("id", .integer(entry.proposal.id)), ("workshop", .string(entry.proposal.workshop)), ("title", .string(entry.proposal.title)),
                         ("count", .int(entry.line.count)), ("kinds", .array(entry.line.kinds.map { .string($0) }))])
            })),
            ("organisations", .array(directory.organisations.map { org in
                .object([("name", .string(org.name)), ("offers", .int(org.offers)), ("kinds", .array(org.kinds.map { .string($0) })),
                         ("workshops", .array(org.workshops.map { .string($0) }))])
            })),
            ("reachable", .array(directory.reachable.map { person in
                .object([("participantId", .integer(person.participantID)), ("name", .string(person.name)), ("workshop", .string(person.workshop)),
                         ("organisation", .string(person.organisation)),
                         ("contact", .object([("type", .string(person.contact.type)), ("value", .string(person.contact.value))])),
                         ("consent", .object([("version", .string(person.consent.version)), ("at", .date(person.consent.at))])),
                         ("kinds", .array(person.kinds.map { .string($0) }))])
            })),
            ("offerers", .array(offerers.map { .object([("participantId", .integer($0.0)), ("name", .string($0.1))]) })),
            ("offers", .array(directory.offers.map { offer in
                .offer(offer, workshopCode: directory.workshopCodes[offer.workshopID] ?? "", withAuthor: true, withContact: true, mine: false)
            })),
        ])
    }
}
