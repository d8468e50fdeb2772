import Foundation

/// Which proposals the server recently put at the top of whose list, so that people who load the list
/// at the same moment (a room votes together) are not all sent to the same least-seen proposals before
/// any of them has rated. Kept in memory: it is a hint for ordering, and a restart only forgets the
/// last few minutes of it.
///
/// Every list served in balanced mode reads and writes it, so each call costs about the entries it
/// adds or lets expire, not the ledger's size: the count per proposal is kept up to date, and entries
/// leave from a queue in the order they were recorded (time is taken to move forward).
final class ExposureLedger: Sendable {
    /// How long a proposal counts as "in front of" a participant after their list was served.
    static let window: TimeInterval = 15 * 60
    /// Proposals recorded per list: about what one person looks at.
    static let recorded = 10
    /// Most proposals one participant counts for at a time (their latest): a person is in front of
    /// a few lists' worth, not every proposal their order ever started with, and the ledger's
    /// memory stays bounded by participants, not by participants × proposals.
    static let perParticipant = 3 * recorded

    private let workshops = Protected([Int64: ExposureLedgerWorkshop]())

    /// Per proposal, how many participants other than one had it at the top of their list within the
    /// window: the workshop's counts as they were, read without copying them.
    struct Counts {
        let counted: [Int64: Int]
        /// The proposals the excluded participant counts for (each counted once in `counted`).
        let own: Set<Int64>

        subscript(proposal: Int64) -> Int {
            guard let count = counted[proposal] else { return 0 }
            return own.contains(proposal) ? count - 1 : count
        }

        /// The counts' sum: every (other participant, proposal) entry within the window.
        var total: Int { counted.values.reduce(0, +) - own.count }
    }

    /// Per proposal, how many other participants had it at the top of their list within the window.
    func counts(workshopID: Int64, excluding participant: Int64, now: Date = Date()) -> Counts {
        workshops.withLock { workshops in
            workshops[workshopID]?.expire(now: now)
            return workshops[workshopID]?.counts(excluding: participant) ?? Counts(counted: [:], own: [])
        }
    }

    /// Records that `participant`'s list starts with `proposals`, and forgets entries past the window.
    func record(workshopID: Int64, participant: Int64, proposals: [Int64], now: Date = Date()) {
        workshops.withLock { workshops in
            workshops[workshopID, default: ExposureLedgerWorkshop()].record(participant: participant,
                                                                           proposals: proposals.prefix(Self.recorded), now: now)
        }
    }

    /// A number that changes whenever the workshop's counts may have (an entry added or expired),
    /// so an order computed from them can be kept until it does.
    func version(workshopID: Int64, now: Date = Date()) -> Int {
        workshops.withLock { workshops in
            workshops[workshopID]?.expire(now: now)
            return workshops[workshopID]?.version ?? 0
        }
    }
}
