import OfficinaCore

/// JSON shapes of follow-up actions (docs/api.md, "Follow-up"). Public: owners are names, never contacts.
extension JSONValue {
    static func actionNote(_ note: ActionNote) -> JSONValue {
        .object([("id", .integer(note.id)), ("text", .string(note.text)), ("date", .string(note.date.description)),
                 ("by", .string(note.by)), ("createdAt", .date(note.createdAt))])
    }

    /// An action; `proposalTitle` is the title of the proposal it carries forward, when there is one.
    static func action(_ action: FollowUpAction, workshopCode: String, proposalTitle: String?) -> JSONValue {
        .object([
            ("id", .integer(action.id)),
            ("workshop", .string(workshopCode)),
            ("proposalId", action.proposalID.map { .integer($0) } ?? .null),
            ("proposalTitle", proposalTitle.map { .string($0) } ?? .null),
            ("title", .string(action.title)),
            ("owner", .object([("name", .string(action.owner)), ("participantId", action.ownerParticipantID.map { .integer($0) } ?? .null)])),
            ("nextStep", .string(action.nextStep)),
            ("due", action.due.map { .string($0.description) } ?? .null),
            ("status", .string(action.status.rawValue)),
            ("reason", .string(action.dropReason)),
            ("lastNote", action.lastNote.map(JSONValue.actionNote) ?? .null),
            ("notes", .array(action.notes.map(JSONValue.actionNote))),
            ("createdAt", .date(action.createdAt)),
            ("updatedAt", .date(action.updatedAt)),
        ])
    }
}
