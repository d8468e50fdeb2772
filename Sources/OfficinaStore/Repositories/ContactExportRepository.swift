import Foundation

/// The record of contact exports (who, when, what), listed in the console.
public struct ContactExportRepository {
    let db: any SQLDatabase

    /// One recorded export.
    public struct Record: Sendable, Hashable {
        public var id: Int64
        public var workshopCode: String?
        public var facilitator: String
        public var format: String
        public var contacts: Int
        public var at: Date
    }

    /// Records an export.
    public func record(programmeID: Int64, workshopCode: String?, facilitator: String, format: String, contacts: Int, at now: Date = Date()) throws {
        try db.execute("""
            INSERT INTO contact_exports (programme_id, workshop_code, facilitator, format, contacts, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [programmeID, workshopCode, facilitator, format, contacts, now.asStored])
    }

    /// A programme's exports, newest first.
    public func list(programmeID: Int64) throws -> [Record] {
        try db.query("""
            SELECT id, workshop_code, facilitator, format, contacts, created_at FROM contact_exports
            WHERE programme_id = ? ORDER BY id DESC
            """, [programmeID]) {
            Record(id: $0.int64(0), workshopCode: $0.optionalText(1), facilitator: $0.text(2), format: $0.text(3), contacts: $0.int(4), at: $0.date(5))
        }
    }
}

extension SQLDatabase {
    /// Contact exports (see ``ContactExportRepository``).
    public var contactExports: ContactExportRepository { ContactExportRepository(db: self) }
}
