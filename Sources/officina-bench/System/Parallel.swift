import Foundation

/// A value several threads update under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withValue<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withValue { $0 } }
}

extension Bench {
    /// Runs `body(i)` for i in 0..<count on `threads` threads, each thread taking the next index;
    /// returns the first error any call threw.
    static func parallel(_ count: Int, threads: Int, _ body: @escaping @Sendable (_ thread: Int, _ index: Int) throws -> Void) throws {
        let next = Locked(0)
        let failure = Locked<Error?>(nil)
        let group = DispatchGroup()
        for thread in 0..<max(1, threads) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while failure.current == nil {
                    let index = next.withValue { value -> Int in value += 1; return value - 1 }
                    guard index < count else { return }
                    do { try body(thread, index) } catch { failure.withValue { $0 = $0 ?? error } }
                }
            }
        }
        group.wait()
        if let error = failure.current { throw error }
    }
}
