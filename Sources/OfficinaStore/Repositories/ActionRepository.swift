import Foundation
import OfficinaCore

/// Follow-up actions of closed workshops, with their progress notes.
public struct ActionRepository {
    let db: any SQLDatabase

    /// The fields an edit may change; nil leaves one as it is.
    public struct Changes: Sendable {
        public var title: String?
        /// A typed owner name; setting it clears a participant owner.
        public var ownerName: String?
        /// A participant owner (`.some(nil)` clears it).
        public var ownerParticipantID: Int64??
        public var nextStep: String?
        /// A due date (`.some(nil)` clears it).
        public var due: CalendarDate??
        public var status: ActionStatus?
        public var dropReason: String?

        public init(
            title: String? = nil, ownerName: String? = nil, ownerParticipantID: Int64?? = nil, nextStep: String? = nil,
            due: CalendarDate?? = nil, status: ActionStatus? = nil, dropReason: String? = nil
        ) {
            self.title = title
            self.ownerName = ownerName
            self.ownerParticipantID = ownerParticipantID
            self.nextStep = nextStep
            self.due = due
            self.status = status
            self.dropReason = dropReason
        }
    }

    static let columns = """
        x.id, x.workshop_id, x.proposal_id, x.title, coalesce(p.name, x.owner_name), x.owner_participant_id, x.next_step,
        x.due_date, x.status, x.drop_reason, x.created_at, x.updated_at
        """
    static let from = "actions x LEFT JOIN participants p ON p.id = x.owner_participant_id"

    /// Adds a planned action.
    public func create(
        workshopID: Int64, proposalID: Int64?, title: String, ownerName: String, ownerParticipantID: Int64?, nextStep: String,
        due: CalendarDate?, by: String, at now: Date = Date()
    ) throws -> FollowUpAction {
        let now = now.asStored
        let id = try db.insertReturningID("""
            INSERT INTO actions (workshop_id, proposal_id, title, owner_name, owner_participant_id, next_step, due_date, status,
                created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?) RETURNING id
            """, [workshopID, proposalID, title, ownerName, ownerParticipantID, nextStep, due?.description, by, now, now])
        guard let action = try find(id: id) else { throw StoreError(.sqlite, message: "action \(id) vanished after insert") }
        return action
    }

    /// The action with its notes, or `nil`.
    public func find(id: Int64) throws -> FollowUpAction? {
        guard var action = try db.queryOne("SELECT \(Self.columns) FROM \(Self.from) WHERE x.id = ?", [id], Self.decode) else {
            return nil
        }
        action.notes = try notes(actionID: id)
        return action
    }

    /// A workshop's actions in creation order, each with its notes (newest first).
    public func list(workshopID: Int64) throws -> [FollowUpAction] {
        var actions = try db.query("SELECT \(Self.columns) FROM \(Self.from) WHERE x.workshop_id = ? ORDER BY x.id", [workshopID], Self.decode)
        let notes = Dictionary(grouping: try db.query("""
            SELECT n.id, n.action_id, n.text, n.note_date, n.created_by, n.created_at
            FROM action_notes n JOIN actions x ON x.id = n.action_id WHERE x.workshop_id = ? ORDER BY n.note_date DESC, n.id DESC
            """, [workshopID], Self.decodeNote), by: \.actionID)
        for index in actions.indices { actions[index].notes = notes[actions[index].id] ?? [] }
        return actions
    }

    /// Changes the given fields; returns the action, or `nil` when it does not exist.
    @discardableResult
    public func update(id: Int64, _ changes: Changes, at now: Date = Date()) throws -> FollowUpAction? {
        guard try db.queryOne("SELECT 1 FROM actions WHERE id = ?", [id], { _ in true }) != nil else { return nil }
        if let title = changes.title { try db.execute("UPDATE actions SET title = ? WHERE id = ?", [title, id]) }
        if let name = changes.ownerName {
            try db.execute("UPDATE actions SET owner_name = ?, owner_participant_id = NULL WHERE id = ?", [name, id])
        }
        if let participant = changes.ownerParticipantID {
            try db.execute("UPDATE actions SET owner_participant_id = ? WHERE id = ?", [participant, id])
        }
        if let step = changes.nextStep { try db.execute("UPDATE actions SET next_step = ? WHERE id = ?", [step, id]) }
        if let due = changes.due { try db.execute("UPDATE actions SET due_date = ? WHERE id = ?", [due?.description, id]) }
        if let status = changes.status {
            try db.execute("UPDATE actions SET status = ?, drop_reason = ? WHERE id = ?", [status.rawValue, changes.dropReason ?? "", id])
        }
        try db.execute("UPDATE actions SET updated_at = ? WHERE id = ?", [now.asStored, id])
        return try find(id: id)
    }

    /// Deletes an action and its notes; true when it existed.
    @discardableResult
    public func delete(id: Int64) throws -> Bool {
        try db.execute("DELETE FROM actions WHERE id = ?", [id])
        return db.changes > 0
    }

    /// Adds a dated progress note and touches the action.
    public func addNote(actionID: Int64, text: String, date: CalendarDate, by: String, at now: Date = Date()) throws -> ActionNote {
        let now = now.asStored
        let id = try db.insertReturningID("""
            INSERT INTO action_notes (action_id, text, note_date, created_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id
            """, [actionID, text, date.description, by, now])
        try db.execute("UPDATE actions SET updated_at = ? WHERE id = ?", [now, actionID])
        return ActionNote(id: id, actionID: actionID, text: text, date: date, by: by, createdAt: now)
    }

    /// An action's notes, newest first.
    public func notes(actionID: Int64) throws -> [ActionNote] {
        try db.query("""
            SELECT id, action_id, text, note_date, created_by, created_at FROM action_notes
            WHERE action_id = ? ORDER BY note_date DESC, id DESC
            """, [actionID], Self.decodeNote)
    }

    /// Forgets a participant as owner (erasure): the action keeps the typed name "deleted participant".
    public func forgetOwner(participantID: Int64, replacement: String) throws {
        try db.execute("""
            UPDATE actions SET owner_name = ?, owner_participant_id = NULL WHERE owner_participant_id = ?
            """, [replacement, participantID])
    }

    static func decode(_ row: Row) throws -> FollowUpAction {
        let id = row.int64(0)
        guard let status = ActionStatus(rawValue: row.text(8)) else {
            throw StoreError(.decoding, message: "action \(id) has an unknown status")
        }
        return FollowUpAction(
            id: id, workshopID: row.int64(1), proposalID: row.optionalInt64(2), title: row.text(3), owner: row.text(4),
            ownerParticipantID: row.optionalInt64(5), nextStep: row.text(6), due: row.optionalText(7).flatMap(CalendarDate.init),
            status: status, dropReason: row.text(9), createdAt: row.date(10), updatedAt: row.date(11)
        )
    }

    static func decodeNote(_ row: Row) -> ActionNote {
        ActionNote(id: row.int64(0), actionID: row.int64(1), text: row.text(2), date: CalendarDate(row.text(3)) ?? CalendarDate(row.date(5)),
                   by: row.text(4), createdAt: row.date(5))
    }
}

extension SQLDatabase {
    /// Follow-up actions (see ``ActionRepository``).
    public var actions: ActionRepository { ActionRepository(db: self) }
}
