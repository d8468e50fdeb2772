/// Proposal id → position in the ranking, for the tally's pass over every ballot (one look-up per
/// support and per rated proposal: tens of thousands per ranking). A workshop's proposal ids are
/// usually a compact run of the store's row ids, so they index an array by `id − lowest` instead of
/// being hashed; ids spread too far apart fall back to the dictionary.
struct ProposalPositions {
    private let lowest: Int64
    /// Position per `id − lowest`, −1 for no proposal; empty when the dictionary is used.
    private let dense: [Int32]
    private let index: [Int64: Int]

    init(_ index: [Int64: Int]) {
        self.index = index
        let lowest = index.keys.min() ?? 0
        let highest = index.keys.max() ?? 0
        self.lowest = lowest
        // A span up to 8 ids per proposal (plus slack for small workshops) costs at most 32 bytes each.
        let span = highest.subtractingReportingOverflow(lowest)
        guard !index.isEmpty, !span.overflow, span.partialValue < Int64(8 * index.count + 64) else {
            dense = []
            return
        }
        var dense = Array(repeating: Int32(-1), count: Int(span.partialValue) + 1)
        for (id, position) in index { dense[Int(id - lowest)] = Int32(truncatingIfNeeded: position) }
        self.dense = dense
    }

    subscript(id: Int64) -> Int? {
        guard !dense.isEmpty else { return index[id] }
        let offset = id.subtractingReportingOverflow(lowest)
        guard !offset.overflow, offset.partialValue >= 0, offset.partialValue < Int64(dense.count) else { return nil }
        let position = dense[Int(offset.partialValue)]
        return position < 0 ? nil : Int(position)
    }
}
