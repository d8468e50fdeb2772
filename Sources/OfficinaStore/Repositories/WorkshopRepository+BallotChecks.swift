import OfficinaCore

extension WorkshopRepository {
    /// The workshop with this id and its programme's goal keys, or `nil`: what a ballot is checked
    /// against inside its write (settings, phase and deadline, and which goals may be rated).
    ///
    /// One statement, one row per goal (a workshop without goals still gives its row), instead of
    /// a read of the workshop, then of its programme id, then of every goal with its labels.
    public func findWithGoalKeys(id: Int64) throws -> (workshop: Workshop, goalKeys: Set<String>)? {
        var workshop: Workshop?
        var keys: Set<String> = []
        try db.forEachRow(Self.withGoalKeysSQL, [id]) { row in
            if workshop == nil { workshop = try Self.decode(row) }
            if let key = row.optionalText(Self.columnCount) { keys.insert(key) }
        }
        return workshop.map { ($0, keys) }
    }

    static let withGoalKeysSQL = """
        SELECT \(columns), g.key FROM workshops w LEFT JOIN goals g ON g.programme_id = w.programme_id WHERE w.id = ?
        """

    /// How many columns ``columns`` lists: the index of the first column after them.
    static let columnCount = columns.split(separator: ",").count
}
