import Foundation
import OfficinaCore

/// The numbered write history of the backup test, and the state it leaves after its first `k` steps.
///
/// Step `i` is a merge of `mergedFrom` into `mergedInto` (every 200th step, offset 50), its undo
/// (every 200th, offset 150), or else a ballot for voter `i % 50` whose ratings spell `i` in base 5,
/// so any ballot read back names the step that wrote it.
struct BackupHistory: Sendable {
    let proposals: [Int64]
    static let goals = ["space", "partnerships", "community"]

    var mergedFrom: Int64 { proposals[5] }
    var mergedInto: Int64 { proposals[4] }

    /// `true` for a merge, `false` for its undo, `nil` for a ballot.
    func mergeStep(_ index: Int) -> Bool? {
        index % 100 == 50 ? (index / 100) % 2 == 0 : nil
    }

    /// The ballot step `index` writes: one to three dots on one of the first four proposals, and
    /// twelve 0–4 ratings (four proposals, three goals) that are the digits of `index` in base 5.
    func ballot(_ index: Int, voter: Int64) -> Ballot {
        var ratings: [Int64: [String: Int]] = [:]
        var rest = index
        for proposal in proposals.prefix(4) {
            for goal in Self.goals {
                ratings[proposal, default: [:]][goal] = rest % 5
                rest /= 5
            }
        }
        return Ballot(participantID: voter, support: [proposals[index % 4]: 1 + index % 3], ratings: ratings)
    }

    /// The step that wrote `ballot`, or `nil` if no step writes exactly this ballot.
    func index(of ballot: Ballot) -> Int? {
        var index = 0, place = 1
        for proposal in proposals.prefix(4) {
            for goal in Self.goals {
                guard let digit = ballot.ratings[proposal]?[goal] else { return nil }
                index += digit * place
                place *= 5
            }
        }
        return self.ballot(index, voter: ballot.participantID) == ballot ? index : nil
    }

    /// The last ballot step before `end` for the voter at `offset`, if any.
    func lastBallot(before end: Int, voter offset: Int) -> Int? {
        stride(from: end - 1, through: 0, by: -1).first { $0 % 50 == offset && mergeStep($0) == nil }
    }

    struct MergeState: Hashable, CustomStringConvertible {
        var merges: Int
        var undone: Int
        var description: String { "\(merges) merges, \(undone) undone" }
    }

    /// Merges and undos among the first `end` steps.
    func mergeState(before end: Int) -> MergeState {
        let steps = (0..<end).compactMap(mergeStep)
        return MergeState(merges: steps.filter { $0 }.count, undone: steps.filter { !$0 }.count)
    }
}

/// A counter shared between the writer task and the test.
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }
    func set(_ value: Int) { lock.withLock { count = value } }
}
