import Foundation
import OfficinaCore

/// The proposals each workshop's balanced order focuses on (``ExposureFocus``), from a ranking made
/// again only when the room's raters have changed as ``ExposureFocus/isStale(ratersThen:ratersNow:)``
/// says or ``maximumAge`` has passed (rewritten ballots change ratings, not raters), and by one
/// request at a time: the others meanwhile order by the contenders found last.
final class ExposureFocusCache: Sendable {
    private struct Entry {
        var contending: Set<Int64>
        var raters: Int
        var at: ContinuousClock.Instant
    }

    /// Longest a workshop's contenders are kept while its raters barely change.
    static let maximumAge: Duration = .seconds(60)
    private let entries = Protected([Int64: Entry]())
    /// Workshops being ranked for their contenders right now.
    private let inProgress = Protected(Set<Int64>())

    /// The contenders of `workshopID`, whose visible proposals have the rater counts `raters`; `rank`
    /// makes the workshop's ranking when they must be found again. None until every one of them has
    /// ``ExposureOrder/focusFloor`` raters (no ranking is made before). The focus only helps: when
    /// ranking fails (a store error), the list goes on with the contenders found last.
    func contending(workshopID: Int64, raters: some Collection<Int>, rank: () throws -> Ranking) -> Set<Int64> {
        guard let fewest = raters.min(), fewest >= ExposureOrder.focusFloor else { return [] }
        let total = raters.reduce(0, +)
        let now = ContinuousClock.now
        let kept = entries.withLock { $0[workshopID] }
        if let kept, !ExposureFocus.isStale(ratersThen: kept.raters, ratersNow: total), now - kept.at < Self.maximumAge {
            return kept.contending
        }
        guard inProgress.withLock({ $0.insert(workshopID).inserted }) else { return kept?.contending ?? [] }
        defer { _ = inProgress.withLock { $0.remove(workshopID) } }
        guard let ranking = try? rank() else { return kept?.contending ?? [] }
        let contending = ExposureFocus.contending(in: ranking)
        entries.withLock { entries in
            if entries.count >= 256, entries[workshopID] == nil { entries.removeAll(keepingCapacity: true) }
            entries[workshopID] = Entry(contending: contending, raters: total, at: now)
        }
        return contending
    }
}
