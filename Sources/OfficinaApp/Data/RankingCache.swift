/// The last ranking answer per workshop, weights, language and audience, reused while no write
/// has committed since it was computed.
///
/// A ranking recomputes every score from every ballot and serializes about 2 KiB per proposal;
/// a projector or a facilitator's console polling it would otherwise cost that on every request.
/// The store's count of writes is the generation: it only grows, and it grows after each commit,
/// so an answer computed from reads begun after the count was taken reflects at least every write
/// that count includes. A different count means "compute again".
final class RankingCache: Sendable {
    struct Key: Hashable {
        let workshopID: Int64
        let weights: String?
        let language: String
        let facilitator: Bool
    }

    private struct Entry {
        let generation: Int
        let answer: EncodedAnswer
    }

    /// Most answers kept; past it the cache starts over (keys are few in practice: one per
    /// weighting a facilitator tries).
    let capacity: Int
    private let entries = Protected([Key: Entry]())

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The cached answer for `key` if it was computed at `generation`.
    func answer(for key: Key, generation: Int) -> EncodedAnswer? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.generation == generation else { return nil }
            return entry.answer
        }
    }

    func store(_ answer: EncodedAnswer, for key: Key, generation: Int) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            if let existing = entries[key], existing.generation > generation { return }
            entries[key] = Entry(generation: generation, answer: answer)
        }
    }
}
