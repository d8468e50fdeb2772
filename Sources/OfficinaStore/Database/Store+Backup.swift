import CSQLite
import Foundation

extension Store {
    /// Writes a consistent snapshot of the database to `path` while writers keep going.
    ///
    /// Uses SQLite's online backup API from a read connection, copying every page in one step, so
    /// the copy is the database as of one committed transaction (<https://sqlite.org/backup.html>).
    /// The copy is written next to `path` and renamed over it only when complete. Restore by
    /// stopping the server and copying the backup over the database file (removing any `-wal` and
    /// `-shm` files beside it).
    public func backup(to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: partial) }
        do {
            let destination = try Connection(path: partial, mode: .readWriteCreate)
            try read { database in
                guard let source = database as? Connection else {
                    throw StoreError(.incompatible, message: "officina backup copies SQLite files; back PostgreSQL up with pg_dump (see docs/scaling.md)")
                }
                guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
                    throw StoreError(code: sqlite3_extended_errcode(destination.handle), message: Connection.message(destination.handle), sql: nil)
                }
                let code = sqlite3_backup_step(backup, -1)
                let finish = sqlite3_backup_finish(backup)
                guard code == SQLITE_DONE, finish == SQLITE_OK else {
                    throw StoreError(code: sqlite3_extended_errcode(destination.handle), message: "backup failed: \(Connection.message(destination.handle))", sql: nil)
                }
            }
            // A self-contained single file: the copy carries no -wal of its own.
            try destination.setPragma("journal_mode", "DELETE")
            guard try destination.integrityCheck() == ["ok"] else {
                throw StoreError(.sqlite, message: "the backup copy failed its integrity check")
            }
        }
        guard rename(partial, path) == 0 else {
            throw StoreError(.cannotOpen, message: "cannot move the backup to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
