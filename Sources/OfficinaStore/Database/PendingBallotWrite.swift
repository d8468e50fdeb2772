import Foundation
import OfficinaCore

/// A ballot replacement waiting for the writer: unlike a ``PendingWrite`` its work is known, not a
/// closure, so on PostgreSQL the writer can store a whole run of them with a few set-based
/// statements (``PostgresBallotBatch``). Run alone (SQLite, or when a batch fails), it does exactly
/// what a write calling ``BallotRepository/replace(_:workshopID:at:)`` after its check would.
protocol BallotWriteProtocol: PendingWriteProtocol {
    /// The ballot to store.
    var ballot: Ballot { get }
    /// The workshop it is cast in.
    var workshopID: Int64 { get }
    /// Whether the check needs the workshop's context (and so the workshop's row locked).
    var needsContext: Bool { get }
    /// Runs the caller's check; `false` (with the failure kept as the outcome) when it refused the ballot.
    func check(_ context: BallotWriteContext?) -> Bool
    /// Records that the ballot was stored by a batch (the check's value becomes the outcome).
    func stored()
}

/// A ballot write and, once run, its outcome.
final class PendingBallotWrite<T>: BallotWriteProtocol {
    let ballot: Ballot
    let workshopID: Int64
    let needsContext: Bool
    private let checkBody: (BallotWriteContext?) throws -> T
    private let reply: (Result<T, Error>) -> Void
    private var checked: Result<T, Error>?
    private var outcome: Result<T, Error>?

    /// `check` gets the workshop's context when `needsContext`, `nil` otherwise.
    init(ballot: Ballot, workshopID: Int64, needsContext: Bool, check: @escaping (BallotWriteContext?) throws -> T, reply: @escaping (Result<T, Error>) -> Void) {
        self.ballot = ballot
        self.workshopID = workshopID
        self.needsContext = needsContext
        checkBody = check
        self.reply = reply
    }

    func check(_ context: BallotWriteContext?) -> Bool {
        let result = Result { try checkBody(context) }
        checked = result
        if case .failure = result {
            outcome = result
            return false
        }
        return true
    }

    func stored() {
        outcome = checked ?? .failure(StoreError(.sqlite, message: "a ballot was stored without its check"))
    }

    func perform(on connection: any SQLDatabase) -> Bool {
        // A run that was rolled back may have checked this ballot already: this attempt checks anew.
        checked = nil
        do {
            let value = try connection.savepoint("officina_write") { () throws -> T in
                let context = needsContext ? try BallotWriteContext.read(workshopID: workshopID, naming: ballot.namedProposals, from: connection) : nil
                guard check(context), case .success(let value) = checked else {
                    throw StoreError(.sqlite, message: "refused by its check")
                }
                try connection.ballots.replace(ballot, workshopID: workshopID)
                return value
            }
            outcome = .success(value)
            return true
        } catch {
            // A refusal keeps the check's own error.
            if case .failure = checked {} else { outcome = .failure(error) }
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
