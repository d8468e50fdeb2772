import Foundation

/// A small pool of read-only connections. Each read runs in its own short deferred transaction, so
/// it sees one consistent snapshot and does not hold back WAL checkpoints for long.
/// See <https://sqlite.org/wal.html#concurrency>.
final class ReaderPool: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [any SQLDatabase] = []
    private var openCount = 0
    private var isClosed = false
    private let capacity: Int
    private let open: () throws -> any SQLDatabase

    init(capacity: Int, open: @escaping () throws -> any SQLDatabase) {
        self.capacity = max(1, capacity)
        self.open = open
    }

    func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try connection.readTransaction { try body(connection) }
    }

    /// Closes idle connections and refuses further reads.
    func close() {
        condition.lock()
        isClosed = true
        idle.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func checkOut() throws -> any SQLDatabase {
        condition.lock()
        while idle.isEmpty && openCount >= capacity && !isClosed {
            condition.wait()
        }
        if isClosed {
            condition.unlock()
            throw StoreError(.closed, message: "the store is closed")
        }
        if let connection = idle.popLast() {
            condition.unlock()
            return connection
        }
        openCount += 1
        condition.unlock()
        do {
            return try open()
        } catch {
            condition.lock()
            openCount -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: any SQLDatabase) {
        condition.lock()
        if isClosed {
            openCount -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }
}
