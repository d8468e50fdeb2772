import Foundation
import OfficinaCore

/// The fields of an offer a request may set, read strictly (docs/api.md, "Offers of help").
struct OfferInput {
    static let allowed: Set<String> = ["proposalId", "kind", "note", "organisation", "contact", "consent"]

    var proposalID: Int64??
    var kind: String?
    var note: String?
    var organisation: String?
    /// nil: not sent; `.some(nil)`: removed (`null` or an empty string); else the parsed contact.
    var contact: ContactDetail??
    var consent: Bool?

    init(_ body: JSONFields) throws {
        if body.has("proposalId") {
            if body.members["proposalId"] == .null {
                proposalID = .some(nil)
            } else {
                proposalID = .some(Int64(try body.int("proposalId", in: 1...Int.max) ?? 0))
            }
        }
        kind = try body.rawString("kind", maxLength: 32)
        note = try body.text("note", TextField.offerNote)
        organisation = try body.text("organisation", TextField.organisation)
        if body.has("contact") {
            if body.members["contact"] == .null {
                contact = .some(nil)
            } else {
                let raw = try body.rawString("contact", maxLength: 254) ?? ""
                if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    contact = .some(nil)
                } else {
                    guard let parsed = ContactDetail(parsing: raw) else {
                        throw APIError.invalid("contact", "contact: not an email or phone number.", code: "contact")
                    }
                    contact = .some(parsed)
                }
            }
        }
        consent = try body.bool("consent")
    }

    /// The consent record for a contact being set now; 422 `consent_required` unless `consent` is true.
    func consentForNewContact(at now: Date = Date()) throws -> ConsentRecord {
        guard consent == true else {
            throw APIError.invalid("consent", "consent: a contact is kept only if you tick the consent (consent: true).", code: "consent_required")
        }
        return ConsentRecord(version: ContactConsent.version, at: now)
    }
}
