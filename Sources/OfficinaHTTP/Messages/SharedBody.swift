#if canImport(Glibc)
import Glibc
#endif

/// A response body sent again and again (a cached answer): the bytes, and once one is sent, a copy
/// in a sealed in-memory file, so the kernel can send the pages of that file to each client
/// (`sendfile`) instead of copying the bytes into every socket's buffer. Bodies under
/// ``fileThreshold``, or past their ``FileBudget``'s files alive at once, are sent as plain bytes.
public final class SharedBody: Sendable {
    public let bytes: [UInt8]
    /// The in-memory file, once made (`descriptor`, in `SharedBody+File.swift`, beside the system calls).
    let file = Locked(FileState.notMade)
    let budget: FileBudget

    /// Bodies smaller than this gain nothing from a file: copying them costs less than the call.
    public static let fileThreshold = 64 * 1024

    /// How many files shared bodies may hold open at once, so cached answers cannot take the
    /// descriptors connections need.
    final class FileBudget: Sendable {
        let capacity: Int
        private let live = Locked(0)

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// The process-wide budget every body uses unless told otherwise.
        static let shared = FileBudget(capacity: 256)

        /// Takes one file's place, or false when all are taken.
        func take() -> Bool {
            live.withLock { count in
                guard count < capacity else { return false }
                count += 1
                return true
            }
        }

        func giveBack() {
            live.withLock { $0 -= 1 }
        }
    }

    enum FileState {
        case notMade
        case made(Int32)
        case unavailable
    }

    public convenience init(_ bytes: [UInt8]) {
        self.init(bytes, budget: .shared)
    }

    init(_ bytes: [UInt8], budget: FileBudget) {
        self.bytes = bytes
        self.budget = budget
    }

    deinit {
        if case .made(let descriptor) = file.withLock({ $0 }) {
            Glibc.close(descriptor)
            budget.giveBack()
        }
    }
}
