import OfficinaCore

/// JSON shapes of offers of help (docs/api.md): an offer as its author or a facilitator sees it, the
/// kinds of help, the consent text, and the public summary (counts and kinds only).
extension JSONValue {
    /// An offer. `withAuthor` adds who offered (facilitators); `withContact` adds the contact and its
    /// consent (the author, and facilitators in the people view). Nobody else ever gets either.
    static func offer(_ offer: Offer, workshopCode: String, withAuthor: Bool, withContact: Bool, mine: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .integer(offer.id)),
            ("workshop", .string(workshopCode)),
            ("proposalId", offer.proposalID.map { .integer($0) } ?? .null),
            ("kind", .string(offer.kind)),
            ("note", .string(offer.note)),
            ("organisation", .string(offer.organisation)),
            ("mine", .bool(mine)),
            ("createdAt", .date(offer.createdAt)),
            ("updatedAt", .date(offer.updatedAt)),
        ]
        if withAuthor { members.append(("author", .person(id: offer.authorID, name: offer.authorName))) }
        if withContact {
            members.append(("contact", offer.contact.map { .object([("type", .string($0.type)), ("value", .string($0.value))]) } ?? .null))
            members.append(("consent", offer.consent.map { .object([("version", .string($0.version)), ("at", .date($0.at))]) } ?? .null))
        }
        return .object(members)
    }

    static func offerKind(_ kind: OfferKind) -> JSONValue {
        .object([("key", .string(kind.key)), ("label", .localized(kind.label))])
    }

    /// The consent a participant is asked for before leaving a contact.
    static func contactConsent(programme: LocalizedText) -> JSONValue {
        .object([("version", .string(ContactConsent.version)), ("text", .localized(ContactConsent.text(programme: programme)))])
    }

    static func offerLine(_ line: OfferSummary.Line) -> JSONValue {
        .object([("count", .int(line.count)), ("kinds", .array(line.kinds.map { .string($0) }))])
    }

    /// The summary: the same for everyone, and the data of the `offers` live event.
    static func offerSummary(_ summary: OfferSummary) -> JSONValue {
        .object([
            ("total", .int(summary.total)),
            ("byKind", .object(summary.byKind.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("workshop", .offerLine(summary.workshop)),
            ("proposals", .object(summary.proposals.sorted { $0.key < $1.key }.map { (String($0.key), .offerLine($0.value)) })),
        ])
    }
}
