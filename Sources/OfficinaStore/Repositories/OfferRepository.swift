import Foundation
import OfficinaCore

/// Offers of help, and the kinds of help each programme asks for.
public struct OfferRepository {
    let db: any SQLDatabase

    /// What an edit does to an offer's contact.
    public enum ContactChange: Sendable {
        /// Leave it as it is.
        case keep
        /// Remove it, with its consent.
        case remove
        /// Store this contact with the consent just given.
        case set(ContactDetail, ConsentRecord)
    }

    static let columns = """
        o.id, o.workshop_id, o.proposal_id, o.author_id, a.name, o.kind, o.note, o.organisation,
        o.contact_type, o.contact, o.consent_version, o.consented_at, o.created_at, o.updated_at
        """
    static let from = "offers o JOIN participants a ON a.id = o.author_id"

    /// Adds an offer. A contact needs its consent (the schema refuses one without the other).
    public func create(
        workshopID: Int64, proposalID: Int64?, authorID: Int64, kind: String, note: String, organisation: String,
        contact: ContactDetail?, consent: ConsentRecord?, at now: Date = Date()
    ) throws -> Offer {
        let now = now.asStored
        let id = try db.insertReturningID("""
            INSERT INTO offers (workshop_id, proposal_id, author_id, kind, note, organisation, contact_type, contact,
                consent_version, consented_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [workshopID, proposalID, authorID, kind, note, organisation, contact?.type, contact?.value,
                  consent?.version, consent?.at.asStored, now, now])
        guard let offer = try find(id: id) else { throw StoreError(.sqlite, message: "offer \(id) vanished after insert") }
        return offer
    }

    /// The offer with this id, or `nil`.
    public func find(id: Int64) throws -> Offer? {
        try db.queryOne("SELECT \(Self.columns) FROM \(Self.from) WHERE o.id = ?", [id], Self.decode)
    }

    /// A workshop's offers, oldest first.
    public func list(workshopID: Int64) throws -> [Offer] {
        try db.query("SELECT \(Self.columns) FROM \(Self.from) WHERE o.workshop_id = ? ORDER BY o.id", [workshopID], Self.decode)
    }

    /// Every offer in a programme's workshops, oldest first.
    public func list(programmeID: Int64) throws -> [Offer] {
        try db.query("""
            SELECT \(Self.columns) FROM \(Self.from) JOIN workshops w ON w.id = o.workshop_id
            WHERE w.programme_id = ? ORDER BY o.id
            """, [programmeID], Self.decode)
    }

    /// One participant's offers, oldest first.
    public func list(authorID: Int64) throws -> [Offer] {
        try db.query("SELECT \(Self.columns) FROM \(Self.from) WHERE o.author_id = ? ORDER BY o.id", [authorID], Self.decode)
    }

    /// How many offers a participant holds.
    public func count(authorID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM offers WHERE author_id = ?", [authorID]) { $0.int(0) } ?? 0
    }

    /// Changes the given fields; returns the offer, or `nil` when it does not exist.
    @discardableResult
    public func update(
        id: Int64, kind: String? = nil, note: String? = nil, organisation: String? = nil, contact: ContactChange = .keep,
        at now: Date = Date()
    ) throws -> Offer? {
        try db.execute("""
            UPDATE offers SET kind = coalesce(?, kind), note = coalesce(?, note), organisation = coalesce(?, organisation),
                updated_at = ? WHERE id = ?
            """, [kind, note, organisation, now.asStored, id])
        guard db.changes > 0 else { return nil }
        switch contact {
        case .keep:
            break
        case .remove:
            try db.execute("""
                UPDATE offers SET contact_type = NULL, contact = NULL, consent_version = NULL, consented_at = NULL WHERE id = ?
                """, [id])
        case let .set(detail, consent):
            try db.execute("""
                UPDATE offers SET contact_type = ?, contact = ?, consent_version = ?, consented_at = ? WHERE id = ?
                """, [detail.type, detail.value, consent.version, consent.at.asStored, id])
        }
        return try find(id: id)
    }

    /// Withdraws (deletes) an offer and its contact; true when it existed.
    @discardableResult
    public func delete(id: Int64) throws -> Bool {
        try db.execute("DELETE FROM offers WHERE id = ?", [id])
        return db.changes > 0
    }

    /// Deletes every offer of a participant (erasure); returns how many went.
    @discardableResult
    public func deleteAll(authorID: Int64) throws -> Int {
        try db.execute("DELETE FROM offers WHERE author_id = ?", [authorID])
        return db.changes
    }

    /// Removes contacts (and their consents) given before `cutoff`; the offers stay. Returns how many.
    @discardableResult
    public func purgeContacts(consentedBefore cutoff: Date) throws -> Int {
        try db.execute("""
            UPDATE offers SET contact_type = NULL, contact = NULL, consent_version = NULL, consented_at = NULL
            WHERE contact IS NOT NULL AND consented_at < ?
            """, [cutoff.asStored])
        return db.changes
    }

    /// The kinds of help a programme asks for, in order; the defaults when it names none.
    public func kinds(programmeID: Int64) throws -> [OfferKind] {
        let kinds = try db.query("""
            SELECT key, label_it, label_en FROM offer_kinds WHERE programme_id = ? ORDER BY position, key
            """, [programmeID]) { OfferKind(key: $0.text(0), label: LocalizedText(it: $0.text(1), en: $0.text(2))) }
        return kinds.isEmpty ? OfferKind.defaults : kinds
    }

    /// Replaces a programme's kinds of help. Existing offers keep their key even if it is no longer listed.
    public func setKinds(_ kinds: [OfferKind], programmeID: Int64) throws {
        try db.execute("DELETE FROM offer_kinds WHERE programme_id = ?", [programmeID])
        for (position, kind) in kinds.enumerated() {
            try db.execute("""
                INSERT INTO offer_kinds (programme_id, key, label_it, label_en, position) VALUES (?, ?, ?, ?, ?)
                """, [programmeID, kind.key, kind.label.it, kind.label.en, position])
        }
    }

    static func decode(_ row: Row) -> Offer {
        let contact = row.optionalText(9).flatMap { ContactDetail(type: row.text(8), value: $0) }
        let consent = row.optionalText(10).map { ConsentRecord(version: $0, at: row.date(11)) }
        return Offer(
            id: row.int64(0), workshopID: row.int64(1), proposalID: row.optionalInt64(2), authorID: row.int64(3),
            authorName: row.text(4), kind: row.text(5), note: row.text(6), organisation: row.text(7),
            contact: contact, consent: contact == nil ? nil : consent, createdAt: row.date(12), updatedAt: row.date(13)
        )
    }
}

extension SQLDatabase {
    /// Offers of help and kinds of help (see ``OfferRepository``).
    public var offers: OfferRepository { OfferRepository(db: self) }
}
