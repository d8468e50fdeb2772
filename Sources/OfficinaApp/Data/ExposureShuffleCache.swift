import OfficinaCore

/// Each participant's random permutation of a workshop's visible proposals
/// (`ExposureStream.permutation(count:)` under the exposure secret), kept so that a reload orders
/// the list without drawing again. The permutation depends only on the secret (one per store), the
/// workshop, the participant and how many proposals there are, so an entry is never stale.
final class ExposureShuffleCache: Sendable {
    struct Key: Hashable {
        let workshopCode: String
        let participantID: Int64
        let count: Int
    }

    /// Most permutations kept (4 bytes per proposal each); past it the cache starts over.
    let capacity: Int
    private let permutations = Protected([Key: [Int32]]())

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The participant's permutation of `count` proposals, drawn from `secret` on first use.
    func permutation(secret: [UInt8], workshopCode: String, participantID: Int64, count: Int) -> [Int32] {
        let key = Key(workshopCode: workshopCode, participantID: participantID, count: count)
        if let kept = permutations.withLock({ $0[key] }) { return kept }
        var stream = ExposureStream(secret: secret, context: "\(workshopCode):\(participantID)")
        let drawn = stream.permutation(count: count)
        permutations.withLock { permutations in
            if permutations.count >= capacity, permutations[key] == nil { permutations.removeAll(keepingCapacity: true) }
            permutations[key] = drawn
        }
        return drawn
    }
}
