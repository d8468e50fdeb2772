import OfficinaCore

/// Each participant's last balanced order, kept while everything it was arranged from is unchanged:
/// the same proposal-content and basis reads, the same exposure-ledger version and the same ballot
/// coverage. A phone reloading between two writes, while nobody else's list changes the ledger,
/// gets it without arranging again.
final class ExposureOrderCache: Sendable {
    /// What an order was arranged from.
    struct Source: Equatable, Sendable {
        let contentRead: UInt64
        let basisRead: UInt64
        let ledgerVersion: Int
        let seen: Set<Int64>
    }

    private struct Key: Hashable {
        let workshopID: Int64
        let participantID: Int64
    }

    /// Most orders kept (8 bytes per proposal each); past it the cache starts over.
    let capacity: Int
    private let orders = Protected([Key: (source: Source, order: ExposureOrder)]())

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The participant's kept order when it was arranged from `source`.
    func order(workshopID: Int64, participantID: Int64, source: Source) -> ExposureOrder? {
        let key = Key(workshopID: workshopID, participantID: participantID)
        guard let kept = orders.withLock({ $0[key] }), kept.source == source else { return nil }
        return kept.order
    }

    func keep(_ order: ExposureOrder, workshopID: Int64, participantID: Int64, source: Source) {
        let key = Key(workshopID: workshopID, participantID: participantID)
        orders.withLock { orders in
            if orders.count >= capacity, orders[key] == nil { orders.removeAll(keepingCapacity: true) }
            orders[key] = (source, order)
        }
    }
}
