import Foundation

/// Which proposals the server recently put at the top of whose list, so that people who load the list
/// at the same moment (a room votes together) are not all sent to the same least-seen proposals before
/// any of them has rated. Kept in memory: it is a hint for ordering, and a restart only forgets the
/// last few minutes of it.
final class ExposureLedger: Sendable {
    /// How long a proposal counts as "in front of" a participant after their list was served.
    static let window: TimeInterval = 15 * 60
    /// Proposals recorded per list: about what one person looks at.
    static let recorded = 10

    /// workshop → proposal → participant → when their list put it at the top.
    private let shown = Protected([Int64: [Int64: [Int64: Date]]]())

    /// Per proposal, how many other participants had it at the top of their list within the window.
    func counts(workshopID: Int64, excluding participant: Int64, now: Date = Date()) -> [Int64: Int] {
        shown.withLock { shown in
            (shown[workshopID] ?? [:]).mapValues { viewers in
                viewers.filter { $0.key != participant && now.timeIntervalSince($0.value) < Self.window }.count
            }
        }
    }

    /// Records that `participant`'s list starts with `proposals`, and forgets entries past the window.
    func record(workshopID: Int64, participant: Int64, proposals: [Int64], now: Date = Date()) {
        shown.withLock { shown in
            var workshop = shown[workshopID] ?? [:]
            for (id, viewers) in workshop {
                workshop[id] = viewers.filter { now.timeIntervalSince($0.value) < Self.window }
            }
            for id in proposals.prefix(Self.recorded) { workshop[id, default: [:]][participant] = now }
            shown[workshopID] = workshop
        }
    }
}
