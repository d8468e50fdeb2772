import Foundation
import OfficinaCore

/// Programmes and their goals. Goals are kept in the order given; their weights are the default
/// weights of every ranking in the programme.
public struct ProgrammeRepository {
    let db: any SQLDatabase

    /// Every programme (oldest first) with its goals and workshops.
    public func list() throws -> [ProgrammeListing] {
        let programmes = try db.query("""
            SELECT id, title_it, title_en, description_it, description_en FROM programmes ORDER BY id
            """) { row in
            Programme(
                id: row.int64(0),
                title: LocalizedText(it: row.text(1), en: row.text(2)),
                description: LocalizedText(it: row.text(3), en: row.text(4)),
                goals: []
            )
        }
        return try programmes.map { programme in
            var programme = programme
            programme.goals = try goals(programmeID: programme.id)
            return ProgrammeListing(programme: programme, workshops: try db.workshops.list(programmeID: programme.id))
        }
    }

    /// One programme with its goals, or `nil`.
    public func find(id: Int64) throws -> Programme? {
        guard var programme = try db.queryOne("""
            SELECT id, title_it, title_en, description_it, description_en FROM programmes WHERE id = ?
            """, [id], { row in
            Programme(
                id: row.int64(0),
                title: LocalizedText(it: row.text(1), en: row.text(2)),
                description: LocalizedText(it: row.text(3), en: row.text(4)),
                goals: []
            )
        }) else { return nil }
        programme.goals = try goals(programmeID: id)
        return programme
    }

    /// The programme's goals in order.
    public func goals(programmeID: Int64) throws -> [Goal] {
        try db.query("""
            SELECT key, label_it, label_en, weight FROM goals WHERE programme_id = ? ORDER BY position, id
            """, [programmeID]) { row in
            Goal(key: row.text(0), label: LocalizedText(it: row.text(1), en: row.text(2)), weight: row.double(3))
        }
    }

    /// Creates a programme with its goals. Duplicate goal keys or negative weights violate a constraint.
    public func create(title: LocalizedText, description: LocalizedText, goals: [Goal], at now: Date = Date()) throws -> Programme {
        let id = try db.insertReturningID("""
            INSERT INTO programmes (title_it, title_en, description_it, description_en, created_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id
            """, [title.it, title.en, description.it, description.en, now])
        try replaceGoals(programmeID: id, with: goals)
        return Programme(id: id, title: title, description: description, goals: goals)
    }

    /// Saves the programme's title, description and goals. Goals are matched by key: labels, weights
    /// and order are updated, new keys added, keys no longer listed removed (ratings keep their key).
    /// Returns the stored programme, or `nil` when it does not exist.
    @discardableResult
    public func update(_ programme: Programme) throws -> Programme? {
        try db.execute("""
            UPDATE programmes SET title_it = ?, title_en = ?, description_it = ?, description_en = ? WHERE id = ?
            """, [programme.title.it, programme.title.en, programme.description.it, programme.description.en, programme.id])
        guard db.changes > 0 else { return nil }
        try replaceGoals(programmeID: programme.id, with: programme.goals)
        return try find(id: programme.id)
    }

    private func replaceGoals(programmeID: Int64, with goals: [Goal]) throws {
        let keys = goals.map(\.key)
        guard Set(keys).count == keys.count else {
            throw StoreError(.constraint, message: "a programme's goal keys must be unique")
        }
        let existing = try db.query("SELECT key FROM goals WHERE programme_id = ?", [programmeID]) { $0.text(0) }
        for key in existing where !keys.contains(key) {
            try db.execute("DELETE FROM goals WHERE programme_id = ? AND key = ?", [programmeID, key])
        }
        for (position, goal) in goals.enumerated() {
            try db.execute("""
                INSERT INTO goals (programme_id, key, label_it, label_en, weight, position) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme_id, key) DO UPDATE SET
                    label_it = excluded.label_it, label_en = excluded.label_en,
                    weight = excluded.weight, position = excluded.position
                """, [programmeID, goal.key, goal.label.it, goal.label.en, goal.weight, position])
        }
    }
}
