import Foundation
import OfficinaStore

/// A store on a fresh database for one test: a SQLite file in a temporary folder of its own, or a
/// PostgreSQL schema of its own when `OFFICINA_TEST_DB` is set (see ``TestDatabase``). Call
/// `close()` in a `defer`: it closes the store and removes the database.
final class ScratchStore {
    let folder: URL
    let database: TestDatabase
    let store: Store

    init(_ label: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            let database = try TestDatabase(folder: folder)
            do {
                store = try Store.open(database.location)
            } catch {
                database.drop()
                throw error
            }
            self.database = database
            self.folder = folder
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    func close() {
        store.close()
        database.drop()
        try? FileManager.default.removeItem(at: folder)
    }
}
