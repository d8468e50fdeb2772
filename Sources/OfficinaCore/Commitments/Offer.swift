import Foundation

/// An offer of help by a participant: on one proposal, or on the workshop as a whole.
public struct Offer: Sendable, Hashable, Identifiable {
    /// Most offers one participant may hold in one workshop at a time.
    public static let maxPerParticipant = 20

    public var id: Int64
    public var workshopID: Int64
    /// The proposal helped, or nil for the workshop as a whole.
    public var proposalID: Int64?
    public var authorID: Int64
    public var authorName: String
    /// One of the programme's ``OfferKind`` keys.
    public var kind: String
    public var note: String
    /// The organisation offering, when the person speaks for one (a partner lead); may be empty.
    public var organisation: String
    /// How to reach the person; only ever stored together with ``consent``.
    public var contact: ContactDetail?
    public var consent: ConsentRecord?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64, workshopID: Int64, proposalID: Int64?, authorID: Int64, authorName: String, kind: String, note: String,
        organisation: String, contact: ContactDetail?, consent: ConsentRecord?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.workshopID = workshopID
        self.proposalID = proposalID
        self.authorID = authorID
        self.authorName = authorName
        self.kind = kind
        self.note = note
        self.organisation = organisation
        self.contact = contact
        self.consent = consent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
