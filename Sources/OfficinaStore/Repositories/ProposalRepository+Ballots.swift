extension ProposalRepository {
    /// The author of each visible proposal of the workshop, by proposal id: what a pairwise
    /// comparison is checked against. Reads every proposal of the workshop; a ballot, which names a
    /// few, uses ``visibleAuthors(of:workshopID:)``.
    public func visibleAuthors(workshopID: Int64) throws -> [Int64: Int64] {
        let pairs = try db.query(
            "SELECT id, author_id FROM proposals WHERE workshop_id = ? AND status = 'visible'", [workshopID]
        ) { ($0.int64(0), $0.int64(1)) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The author of each of `ids` that is a visible proposal of the workshop, by proposal id; ids
    /// that are not (unknown, hidden, merged away, another workshop's) are absent.
    ///
    /// All a ballot is checked against (which proposals may be supported, and which are the voter's
    /// own), read inside the ballot's write. One probe per named proposal through the primary key,
    /// so a write costs what its ballot names, whatever the number of proposals in the workshop.
    public func visibleAuthors(of ids: Set<Int64>, workshopID: Int64) throws -> [Int64: Int64] {
        var authors: [Int64: Int64] = [:]
        try db.forEachRow(in: Self.visibleAuthorStatements(of: ids, workshopID: workshopID)) { _, row in
            authors[row.int64(0)] = row.int64(1)
        }
        return authors
    }

    /// The probes ``visibleAuthors(of:workshopID:)`` runs, each answering (id, author id) rows: a
    /// batch of ballots on PostgreSQL sends them with its other reads, in one round trip.
    static func visibleAuthorStatements(of ids: Set<Int64>, workshopID: Int64) -> [SQLStatement] {
        var statements: [SQLStatement] = []
        let sorted = ids.sorted()
        var start = 0
        while start < sorted.count {
            let chunk = sorted[start..<min(start + Self.idsPerProbe, sorted.count)]
            start += chunk.count
            // Padded with its last id to a power of two: a few statement shapes, each prepared once.
            var arguments: [any DatabaseValueConvertible] = [workshopID]
            arguments += chunk.map { $0 as any DatabaseValueConvertible }
            let width = Self.probeWidth(chunk.count)
            arguments += Array(repeating: chunk.last ?? 0, count: width - chunk.count)
            statements.append(SQLStatement(Self.probeSQL[width] ?? Self.probeSQL(width: width), arguments))
        }
        return statements
    }

    /// Most ids in one probe: far below both engines' parameter limits.
    static let idsPerProbe = 256

    /// The smallest power of two holding `count` ids (at most ``idsPerProbe``).
    static func probeWidth(_ count: Int) -> Int {
        var width = 1
        while width < count { width *= 2 }
        return width
    }

    /// The probe's SQL text per width, built once.
    static let probeSQL: [Int: String] = Dictionary(uniqueKeysWithValues: (0...8).map { 1 << $0 }.map { ($0, probeSQL(width: $0)) })

    /// `… id IN (?, …)` with `width` ids after the workshop id.
    static func probeSQL(width: Int) -> String {
        let marks = Array(repeating: "?", count: width).joined(separator: ", ")
        return "SELECT id, author_id FROM proposals WHERE workshop_id = ? AND status = 'visible' AND id IN (\(marks))"
    }
}
