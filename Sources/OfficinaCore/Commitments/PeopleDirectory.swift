import Foundation

/// The facilitators' view of who offered what (issue 13, "People and partners"): offers by kind, by
/// goal and by proposal, the organisations, and who may be contacted. Pure: built from offers and the
/// proposals they point at.
public struct PeopleDirectory: Sendable {
    /// What the directory needs to know of a proposal.
    public struct ProposalInfo: Sendable, Hashable {
        public var id: Int64
        public var workshop: String
        public var title: String
        public var goals: [String]

        public init(id: Int64, workshop: String, title: String, goals: [String]) {
            self.id = id
            self.workshop = workshop
            self.title = title
            self.goals = goals
        }
    }

    /// One person who may be contacted, with every kind they offered.
    public struct Reachable: Sendable, Hashable {
        public var participantID: Int64
        public var name: String
        public var workshop: String
        public var organisation: String
        public var contact: ContactDetail
        public var consent: ConsentRecord
        public var kinds: [String]
    }

    /// An organisation and what its people offered.
    public struct Organisation: Sendable, Hashable {
        public var name: String
        public var offers: Int
        public var kinds: [String]
        public var workshops: [String]
    }

    public var offers: [Offer]
    /// Workshop codes by workshop id.
    public var workshopCodes: [Int64: String]
    public var byKind: [String: Int]
    public var byGoal: [String: Int]
    /// Proposals with offers, most offered first: (proposal, count, kinds).
    public var byProposal: [(proposal: ProposalInfo, line: OfferSummary.Line)]
    public var organisations: [Organisation]
    public var reachable: [Reachable]

    /// Builds the directory. `workshopCodes` names each offer's workshop by id.
    public init(offers: [Offer], proposals: [ProposalInfo], kinds: [OfferKind], workshopCodes: [Int64: String]) {
        self.offers = offers
        self.workshopCodes = workshopCodes
        let order = Dictionary(kinds.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let sortKinds: (Set<String>) -> [String] = { $0.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) } }
        byKind = Dictionary(grouping: offers, by: \.kind).mapValues(\.count)
        let proposalsByID = Dictionary(proposals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var goals: [String: Int] = [:]
        for offer in offers {
            for goal in offer.proposalID.flatMap({ proposalsByID[$0]?.goals }) ?? [] { goals[goal, default: 0] += 1 }
        }
        byGoal = goals
        byProposal = Dictionary(grouping: offers.filter { $0.proposalID != nil }, by: { $0.proposalID ?? 0 })
            .compactMap { id, group in
                proposalsByID[id].map { ($0, OfferSummary.Line(count: group.count, kinds: sortKinds(Set(group.map(\.kind))))) }
            }
            .sorted { ($1.line.count, $0.proposal.id) < ($0.line.count, $1.proposal.id) }
        let named = offers.filter { !$0.organisation.isEmpty }
        organisations = Dictionary(grouping: named, by: { $0.organisation.lowercased() }).values.map { group in
            Organisation(name: group[0].organisation, offers: group.count, kinds: sortKinds(Set(group.map(\.kind))),
                         workshops: Set(group.compactMap { workshopCodes[$0.workshopID] }).sorted())
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        var people: [String: Reachable] = [:]
        var order2: [String] = []
        for offer in offers {
            guard let contact = offer.contact, let consent = offer.consent else { continue }
            let key = "\(offer.authorID)|\(contact.value)"
            if var known = people[key] {
                known.kinds = sortKinds(Set(known.kinds + [offer.kind]))
                if known.organisation.isEmpty { known.organisation = offer.organisation }
                people[key] = known
            } else {
                order2.append(key)
                people[key] = Reachable(participantID: offer.authorID, name: offer.authorName, workshop: workshopCodes[offer.workshopID] ?? "",
                                        organisation: offer.organisation, contact: contact, consent: consent, kinds: [offer.kind])
            }
        }
        reachable = order2.compactMap { people[$0] }
    }
}
