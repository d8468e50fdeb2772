import Foundation
import OfficinaCore

extension Store {
    /// Replaces the participant's whole ballot in the workshop once `check` accepts it, and returns
    /// `check`'s value after the write committed.
    ///
    /// `check` runs inside the write against the workshop as it is stored now (its settings row held
    /// until commit, so a concurrent change of budget, cap or phase, on any instance, waits for this
    /// ballot or this ballot for it); a ballot it refuses is not stored and its error comes back here.
    /// The same as ``write(_:)`` with the check and ``BallotRepository/replace(_:workshopID:at:)`` in
    /// the body, except that on PostgreSQL the ballots of one write batch are stored together with a
    /// few set-based statements, the context read once per workshop (see ``PostgresBallotBatch``).
    public func replaceBallot<T: Sendable>(
        _ ballot: Ballot, workshopID: Int64, check: @escaping @Sendable (BallotWriteContext) throws -> T
    ) async throws -> T {
        try await submitBallot(ballot, workshopID: workshopID, needsContext: true) { context in
            guard let context else { throw StoreError(.sqlite, message: "the ballot's check ran without its context") }
            return try check(context)
        }
    }

    /// Replaces the participant's whole ballot in the workshop, unchecked (the benchmark, imports).
    public func replaceBallot(_ ballot: Ballot, workshopID: Int64) async throws {
        try await submitBallot(ballot, workshopID: workshopID, needsContext: false) { _ in () }
    }

    private func submitBallot<T: Sendable>(
        _ ballot: Ballot, workshopID: Int64, needsContext: Bool, check: @escaping @Sendable (BallotWriteContext?) throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let pending = PendingBallotWrite(ballot: ballot, workshopID: workshopID, needsContext: needsContext, check: check) {
                continuation.resume(with: $0)
            }
            do {
                try writer.submit(pending)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
