/// Values computed from the store, kept while no write has committed since: the store's count of
/// writes is the generation. It only grows, and it grows after each commit, so a value computed
/// from reads begun after the count was taken reflects at least every write that count includes;
/// a request that takes the count first and finds a value stored under the same count gets one
/// that is never older than the last acknowledged write. A different count means "compute again".
///
///     let generation = store.changeGeneration      // before any read (every instance's writes)
///     if let cached = cache.value(for: key, generation: generation) { return cached }
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let generation: Int
        let value: Value
    }

    /// Most values kept; past it the cache starts over (keys are few in practice, and a request
    /// can choose some of them, e.g. by its `Host`, so they must stay bounded).
    let capacity: Int
    private let entries = Protected([Key: Entry]())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value stored for `key` at `generation`, or nil.
    func value(for key: Key, generation: Int) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.generation == generation else { return nil }
            return entry.value
        }
    }

    /// Keeps `value`, unless a value of a later generation is already there.
    func store(_ value: Value, for key: Key, generation: Int) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            if let existing = entries[key], existing.generation > generation { return }
            entries[key] = Entry(generation: generation, value: value)
        }
    }
}
