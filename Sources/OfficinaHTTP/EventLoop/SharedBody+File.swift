import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

extension SharedBody {
    /// The file holding the bytes, made on first use; nil for a small body, when too many files
    /// are alive, or when the system refuses one (the bytes are then sent as they are). The file is
    /// made outside the lock; of two threads making it at once, the first to finish keeps its file
    /// and the other closes its own.
    var descriptor: Int32? {
        guard bytes.count >= Self.fileThreshold else { return nil }
        switch file.withLock({ $0 }) {
        case .made(let descriptor): return descriptor
        case .unavailable: return nil
        case .notMade: break
        }
        guard budget.take() else { return nil }
        let made = bytes.withUnsafeBytes { cel_memory_file($0.baseAddress, UInt($0.count)) }
        let (kept, installed) = file.withLock { state -> (Int32?, Bool) in
            switch state {
            case .made(let existing):
                return (existing, false)
            case .unavailable:
                return (nil, false)
            case .notMade:
                guard made >= 0 else {
                    state = .unavailable
                    return (nil, false)
                }
                state = .made(made)
                return (made, true)
            }
        }
        if !installed {
            if made >= 0 { Glibc.close(made) }
            budget.giveBack()
        }
        return kept
    }
}
