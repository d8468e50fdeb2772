import Foundation

/// Work shared among a few threads, one share ("lane") each, its results handed back in lane order.
/// A ranking is computed for one request at a time while the other cores mostly wait; the parts whose
/// result does not depend on how the work is split (integer sums, resamples drawn from their own place
/// in the random stream) use them.
package enum Lanes {
    /// Most lanes: past four, handing out the work costs more than the rankings' sizes save.
    package static let maximum = 4

    /// One lane per core and per `perLane` items, at most ``maximum``; one lane below `perLane` items.
    package static func count(items: Int, perLane: Int) -> Int {
        guard items >= perLane else { return 1 }
        return min(ProcessInfo.processInfo.activeProcessorCount, maximum, max(1, items / perLane))
    }

    /// The items of `count` that lane `lane` of `lanes` takes: consecutive, in order, all of them once.
    package static func share(_ lane: Int, of lanes: Int, count: Int) -> Range<Int> {
        (count * lane / lanes)..<(count * (lane + 1) / lanes)
    }

    /// `body(lane)` for every lane in `0..<lanes`, each on a thread of its own (the caller's among
    /// them); returns once every lane has, with their results in lane order.
    package static func map<Result: Sendable>(_ lanes: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard lanes > 1 else { return [body(0)] }
        let slots = Slots<Result>(lanes)
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in slots.put(body(lane), at: lane) }
        return slots.take()
    }
}

/// One result per lane: each lane writes only its own slot, and they are read after `concurrentPerform`
/// has returned, so no slot is ever touched by two threads at once.
private final class Slots<Value>: @unchecked Sendable {
    private let values: UnsafeMutablePointer<Value?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        values.initialize(repeating: nil, count: count)
    }

    deinit {
        values.deinitialize(count: count)
        values.deallocate()
    }

    func put(_ value: Value, at lane: Int) { values[lane] = value }

    func take() -> [Value] {
        (0..<count).map { lane in
            guard let value = values[lane] else { preconditionFailure("lane \(lane) gave no result") }
            return value
        }
    }
}
