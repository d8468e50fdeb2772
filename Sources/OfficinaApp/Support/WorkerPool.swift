import Foundation

/// A few dedicated threads for CPU-heavy work (PBKDF2), kept apart from Swift's cooperative
/// pool and the server's I/O threads, so that a burst of logins never stalls voting.
/// The queue is bounded: past `maxPending` jobs a submission is refused at once.
public final class WorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopped = false
    public let maxPending: Int

    public init(threads: Int, maxPending: Int, name: String) {
        self.maxPending = maxPending
        for index in 0..<max(1, threads) {
            let thread = Thread { [self] in self.work() }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `job` on a pool thread and returns its result; nil when the queue is full.
    public func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            condition.lock()
            guard jobs.count < maxPending, !stopped else {
                condition.unlock()
                continuation.resume(returning: nil)
                return
            }
            jobs.append { continuation.resume(returning: job()) }
            condition.signal()
            condition.unlock()
        }
    }

    /// Lets the threads finish queued jobs and exit.
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty && stopped {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
