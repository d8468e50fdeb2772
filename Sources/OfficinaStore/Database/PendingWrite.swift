/// One write waiting for the writer thread, type-erased so writes of any result type share a queue.
protocol PendingWriteProtocol: AnyObject {
    /// Runs the write on the writer connection inside its own savepoint; `false` when it failed.
    func perform(on connection: any SQLDatabase) -> Bool
    /// Fails a write whose effects were lost (its transaction rolled back or failed to commit).
    func fail(_ error: Error)
    /// Answers the caller; called only after the batch's `COMMIT` returned (or failed).
    func complete()
}

/// A write and, once run, its outcome.
final class PendingWrite<T>: PendingWriteProtocol {
    private let body: (any SQLDatabase) throws -> T
    private let reply: (Result<T, Error>) -> Void
    private var outcome: Result<T, Error>?

    init(body: @escaping (any SQLDatabase) throws -> T, reply: @escaping (Result<T, Error>) -> Void) {
        self.body = body
        self.reply = reply
    }

    func perform(on connection: any SQLDatabase) -> Bool {
        do {
            outcome = .success(try connection.savepoint("officina_write") { try body(connection) })
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    func fail(_ error: Error) {
        outcome = .failure(error)
    }

    func complete() {
        reply(outcome ?? .failure(StoreError(.closed, message: "the write was never run")))
    }
}
