import OfficinaStore

extension SQLDatabase {
    /// The SQLite connection behind a store opened on a file, for tests of SQLite's own features
    /// (pragmas, integrity check).
    var sqlite: Connection {
        get throws {
            guard let connection = self as? Connection else {
                throw StoreError(.incompatible, message: "not a SQLite connection")
            }
            return connection
        }
    }
}
