import OfficinaCore

/// Participant groups per programme, the group each participant declared, and each workshop's
/// broad-support setting (migration 16-participant-groups; docs/scoring.md §19).
public struct ParticipantGroupRepository {
    let db: any SQLDatabase

    /// A programme's groups in order; empty when it defines none (participants are then not asked).
    public func groups(programmeID: Int64) throws -> [ParticipantGroup] {
        try db.query("""
            SELECT key, label_it, label_en FROM participant_groups WHERE programme_id = ? ORDER BY position, key
            """, [programmeID]) { ParticipantGroup(key: $0.text(0), label: LocalizedText(it: $0.text(1), en: $0.text(2))) }
    }

    /// Replaces a programme's groups. Participants keep the key they declared even if it is no longer listed.
    public func setGroups(_ groups: [ParticipantGroup], programmeID: Int64) throws {
        try db.execute("DELETE FROM participant_groups WHERE programme_id = ?", [programmeID])
        for (position, group) in groups.enumerated() {
            try db.execute("""
                INSERT INTO participant_groups (programme_id, key, label_it, label_en, position) VALUES (?, ?, ?, ?, ?)
                """, [programmeID, group.key, group.label.it, group.label.en, position])
        }
    }

    /// Records the group a participant declared (nil: prefer not to say).
    public func setGroup(_ key: String?, participantID: Int64) throws {
        try db.execute("UPDATE participants SET group_key = ? WHERE id = ?", [key, participantID])
    }

    /// The group a participant declared, or nil.
    public func group(participantID: Int64) throws -> String? {
        try db.queryOne("SELECT group_key FROM participants WHERE id = ?", [participantID]) { $0.optionalText(0) } ?? nil
    }

    /// The declared group of every participant of a workshop who declared one, by participant id.
    public func declared(workshopID: Int64) throws -> [Int64: String] {
        let rows = try db.query("""
            SELECT id, group_key FROM participants WHERE workshop_id = ? AND group_key IS NOT NULL
            """, [workshopID]) { ($0.int64(0), $0.text(1)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the workshop weighs broad support into the overall (off when never set).
    public func bridging(workshopID: Int64) throws -> Bool {
        try db.queryOne("SELECT bridging FROM workshop_scoring WHERE workshop_id = ?", [workshopID]) { $0.bool(0) } ?? false
    }

    /// Turns broad support on or off for a workshop, keeping its other scoring choices (the defaults
    /// when it had none yet).
    public func setBridging(_ on: Bool, workshopID: Int64) throws {
        let preferences = try db.scoring.preferences(workshopID: workshopID)
        try db.execute("""
            INSERT INTO workshop_scoring (workshop_id, method, exposure, bridging) VALUES (?, ?, ?, ?)
            ON CONFLICT (workshop_id) DO UPDATE SET bridging = excluded.bridging
            """, [workshopID, preferences.method.rawValue, preferences.exposure.rawValue, on ? 1 : 0])
    }
}
