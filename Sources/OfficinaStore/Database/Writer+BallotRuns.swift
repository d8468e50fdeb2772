/// Runs of queued ballot writes stored together on PostgreSQL (see ``PostgresBallotBatch``).
extension Writer {
    /// The end of the run of ballot writes starting at `start`, when it holds two or more and the
    /// connection is PostgreSQL's; `nil` otherwise (SQLite runs each write alone: in process, a
    /// statement costs little).
    func ballotRunEnd(_ batch: [any PendingWriteProtocol], from start: Int) -> Int? {
        guard connection.dialect == .postgres else { return nil }
        var end = start
        while end < batch.endIndex, batch[end] is any BallotWriteProtocol {
            end += 1
        }
        return end - start >= 2 ? end : nil
    }

    /// Stores the run together and returns the writes that succeeded, or `nil` when a statement
    /// failed: the run was rolled back to its savepoint, and its writes are to be run one by one.
    func storeBallotRun(_ run: ArraySlice<any PendingWriteProtocol>) -> [any PendingWriteProtocol]? {
        let writes = run.compactMap { $0 as? any BallotWriteProtocol }
        do {
            let stored = try PostgresBallotBatch(writes: writes).store(on: connection)
            recordStoredTogether(writes.count)
            return stored.map { $0 as any PendingWriteProtocol }
        } catch {
            return nil
        }
    }
}
