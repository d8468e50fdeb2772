import Foundation

/// What a workshop decided to do about one of its ideas after closing (accountability): who carries it,
/// the next step, by when, and how it is going.
public struct FollowUpAction: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var workshopID: Int64
    /// The proposal this action carries forward, or nil for an action of its own.
    public var proposalID: Int64?
    public var title: String
    /// Who carries it: the participant's current name when ``ownerParticipantID`` is set, else a typed name.
    public var owner: String
    public var ownerParticipantID: Int64?
    public var nextStep: String
    public var due: CalendarDate?
    public var status: ActionStatus
    /// Why it was dropped; empty unless `dropped`.
    public var dropReason: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Progress notes, newest first.
    public var notes: [ActionNote]

    public init(
        id: Int64, workshopID: Int64, proposalID: Int64?, title: String, owner: String, ownerParticipantID: Int64?, nextStep: String,
        due: CalendarDate?, status: ActionStatus, dropReason: String, createdAt: Date, updatedAt: Date, notes: [ActionNote] = []
    ) {
        self.id = id
        self.workshopID = workshopID
        self.proposalID = proposalID
        self.title = title
        self.owner = owner
        self.ownerParticipantID = ownerParticipantID
        self.nextStep = nextStep
        self.due = due
        self.status = status
        self.dropReason = dropReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.notes = notes
    }

    /// The latest progress note, if any.
    public var lastNote: ActionNote? { notes.first }
}
