import Foundation

extension Store {
    /// Runs `body` on the writer connection and returns once its transaction has committed.
    ///
    /// Concurrent writes are committed together (group commit); each runs in its own savepoint, so a
    /// write that throws is rolled back alone and its error comes back to its caller only.
    /// Throws ``StoreError/Kind/busy`` at once when the writer's queue is full.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let pending = PendingWrite(body: body) { continuation.resume(with: $0) }
            do {
                try writer.submit(pending)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// The blocking form of ``write(_:)`` for the command line, tests and threads outside Swift
    /// concurrency. Do not call it from an async context (it blocks the calling thread).
    @discardableResult
    public func writeBlocking<T>(_ body: @escaping (any SQLDatabase) throws -> T) throws -> T {
        let answer = BlockingAnswer<T>()
        let pending = PendingWrite(body: body) { answer.set($0) }
        try writer.submit(pending)
        return try answer.wait().get()
    }
}

/// Carries a write's result from the writer thread to a blocked caller.
private final class BlockingAnswer<T>: @unchecked Sendable {
    // `result` is written once before `semaphore` is signalled and read once after it is waited on.
    private let semaphore = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    func set(_ result: Result<T, Error>) {
        self.result = result
        semaphore.signal()
    }

    func wait() -> Result<T, Error> {
        semaphore.wait()
        return result ?? .failure(StoreError(.closed, message: "the write was never answered"))
    }
}

extension Store {
    /// The writer's counters since the store opened (for `/metrics` and the benchmark).
    public var writerStatistics: WriterStatistics { writer.currentStatistics }

    /// Writes waiting for the writer now.
    public var queuedWrites: Int { writer.queuedCount }
}
