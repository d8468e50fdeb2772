/// Runs of queued ballot writes stored together on PostgreSQL (see ``PostgresBallotBatch``).
extension Writer {
    /// The end of the run of ballot writes starting at `start` (one or more) when the connection is
    /// PostgreSQL's; `nil` otherwise (SQLite runs each write alone: in process, a statement costs
    /// little). A lone ballot goes the same way: three round trips whatever it holds, where one by
    /// one its context, old cells and each kind of cell change took one each.
    func ballotRunEnd(_ batch: [any PendingWriteProtocol], from start: Int, on connection: any SQLDatabase) -> Int? {
        guard connection.dialect == .postgres else { return nil }
        var end = start
        while end < batch.endIndex, batch[end] is any BallotWriteProtocol {
            end += 1
        }
        return end > start ? end : nil
    }

    /// Stores the run together and returns the writes that succeeded, and whether the batch's
    /// closing statements went with it (`closesBatch`: nothing follows the run, so the batch's tally
    /// changes and its announcement can ride in the run's last round trip); `nil` when a statement
    /// failed: the run was rolled back to its savepoint, and its writes are to be run one by one.
    /// `payload` is the batch's announcement.
    func storeBallotRun(
        _ run: ArraySlice<any PendingWriteProtocol>, on connection: any SQLDatabase, closesBatch: Bool, payload: String
    ) -> (stored: [any PendingWriteProtocol], closed: Bool)? {
        let writes = run.compactMap { $0 as? any BallotWriteProtocol }
        let closing: ((any SQLDatabase) -> [SQLStatement])? = closesBatch ? { db in
            let owed = db.tallyDeltas ?? TallyDeltas()
            // Applied now, in the run's savepoint: a rollback of the run restores what was owed.
            db.tallyDeltas = TallyDeltas()
            return owed.statements() + (db.notifyStatement(payload).map { [$0] } ?? [])
        } : nil
        do {
            let result = try PostgresBallotBatch(writes: writes).store(on: connection, closing: closing)
            recordStoredTogether(writes.count)
            return (result.stored.map { $0 as any PendingWriteProtocol }, result.closed)
        } catch {
            return nil
        }
    }
}
