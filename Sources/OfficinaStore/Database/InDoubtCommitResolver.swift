import Foundation

/// Settles write batches whose `COMMIT` answer was lost (``InDoubtCommit``) on a thread of its own,
/// so the writer goes on with the next batch (which fails fast while the database is down) instead
/// of waiting here.
///
/// It asks the server every `interval` until it says committed (the writes are acknowledged, as
/// they are stored) or aborted (they fail with the lost connection's error, a 503), or `patience`
/// has passed since the COMMIT (they fail likewise: the same answer as before this existed, now
/// only when the server stays out of reach). Every in-doubt batch is logged to standard error with
/// its outcome: an operator can tell an unknown outcome from a refused write.
final class InDoubtCommitResolver: @unchecked Sendable {
    private let queue = DispatchQueue(label: "officina-in-doubt-commits")
    private let patience: Double
    private let interval: Double
    private let log: @Sendable (String) -> Void

    init(patience: Double, interval: Double = 0.2, log: @escaping @Sendable (String) -> Void = InDoubtCommitResolver.standardError) {
        self.patience = max(0, patience)
        self.interval = interval
        self.log = log
    }

    /// Settles `doubt` and then answers `writes` (which all succeeded inside the batch).
    func settle(_ doubt: InDoubtCommit, writes: [any PendingWriteProtocol]) {
        let deadline = Date().addingTimeInterval(patience)
        let batch = Answers(writes)
        queue.async { [self] in
            let outcome = wait(for: doubt, until: deadline)
            let lost = "officina: the answer to COMMIT of transaction \(doubt.transactionID) was lost (\(Self.oneLine(doubt.cause.message)))"
            switch outcome {
            case .committed:
                log("\(lost); PostgreSQL says committed: \(batch.writes.count) writes acknowledged")
            case .aborted:
                log("\(lost); PostgreSQL says aborted: \(batch.writes.count) writes refused (503)")
                batch.writes.forEach { $0.fail(doubt.cause) }
            case .undecided(let why):
                log("\(lost); outcome still unknown after \(patience) s (\(Self.oneLine(why))): "
                    + "\(batch.writes.count) writes answered 503 though they may be stored")
                batch.writes.forEach { $0.fail(doubt.cause) }
            }
            batch.writes.forEach { $0.complete() }
        }
    }

    /// Returns once every batch handed over so far is settled and answered (at most `patience`
    /// each): a graceful stop answers them before the store closes.
    func waitUntilSettled() {
        queue.sync {}
    }

    private func wait(for doubt: InDoubtCommit, until deadline: Date) -> InDoubtCommit.Outcome {
        while true {
            let outcome = doubt.ask()
            if case .undecided = outcome, Date().addingTimeInterval(interval) < deadline {
                Thread.sleep(forTimeInterval: interval)
                continue
            }
            return outcome
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Sendable static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
