import Dispatch
import Foundation

/// When another instance last announced a committed batch on the shared database (PostgreSQL).
///
/// While other instances write, this instance's writer keeps to one lane (see ``WriterLanes``): the
/// database already has their batches to overlap with this one's, and more, smaller batches cost it
/// more per ballot than they save (two instances on one 2-core machine gave 0.87–0.95× of one with
/// two lanes each; benchmarks/scaling.md).
final class ForeignWriters: @unchecked Sendable {
    // Guarded by `lock`; `DispatchTime` nanoseconds, 0 before any announcement.
    private let lock = NSLock()
    private var lastAnnouncement: UInt64 = 0
    /// How long after another instance's last batch this one still counts it as writing.
    let quietSeconds: Double

    init(quietSeconds: Double = 0.5) {
        self.quietSeconds = quietSeconds
    }

    /// Records another instance's committed batch.
    func announced() {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock { lastAnnouncement = now }
    }

    /// Whether another instance announced a batch within the last ``quietSeconds``.
    var areWriting: Bool {
        let last = lock.withLock { lastAnnouncement }
        return last != 0 && Double(DispatchTime.now().uptimeNanoseconds - last) < quietSeconds * 1e9
    }
}
