import CEventLoop

extension SharedBody {
    /// The file holding the bytes, made on first use; nil for a small body, when too many files
    /// are alive, or when the system refuses one (the bytes are then sent as they are).
    var descriptor: Int32? {
        guard bytes.count >= Self.fileThreshold else { return nil }
        return file.withLock { state in
            switch state {
            case .made(let descriptor):
                return descriptor
            case .unavailable:
                return nil
            case .notMade:
                guard budget.take() else { return nil }
                let descriptor = bytes.withUnsafeBytes { cel_memory_file($0.baseAddress, UInt($0.count)) }
                guard descriptor >= 0 else {
                    budget.giveBack()
                    state = .unavailable
                    return nil
                }
                state = .made(descriptor)
                return descriptor
            }
        }
    }
}
