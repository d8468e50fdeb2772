/// A write batch's `COMMIT` whose answer was lost with the connection: the server may have committed
/// the batch before the connection broke, or not. Thrown by ``SQLDatabase/commitWrite()`` on
/// PostgreSQL only (SQLite is in process: its COMMIT either returns or fails).
///
/// The batch's transaction id, taken when it began, lets the writer ask later, on a connection of
/// its own, what became of it (`txid_status`,
/// <https://www.postgresql.org/docs/15/functions-info.html#FUNCTIONS-PG-SNAPSHOT>).
struct InDoubtCommit: Error, CustomStringConvertible {
    /// What the server says became of a transaction.
    enum Outcome: Sendable, Equatable {
        /// Stored: the batch's writes are acknowledged.
        case committed
        /// Rolled back: the batch's writes failed.
        case aborted
        /// Not known yet: still in progress, forgotten by the server, or the server unreachable.
        case undecided(String)
    }

    /// The batch's transaction id (`txid_current()`, epoch included, so it never wraps).
    let transactionID: Int64
    /// Why the answer was lost; what the batch's callers get when the outcome stays unknown.
    let cause: StoreError
    /// Asks the server once what became of the transaction; an unreachable server is `.undecided`.
    let ask: @Sendable () -> Outcome

    var description: String { "COMMIT of transaction \(transactionID) in doubt: \(cause.message)" }
}
