extension WorkshopRepository {
    /// Holds the workshop's settings steady until the current write commits.
    ///
    /// On SQLite the single writer already serialises every write, so this does nothing. On
    /// PostgreSQL several instances write at once: `FOR SHARE` makes a concurrent change of the
    /// workshop (its budget, cap or phase, which `UPDATE` locks) wait for this write, and this write
    /// wait for it, so a ballot is always checked against the settings it is stored under
    /// (<https://www.postgresql.org/docs/15/explicit-locking.html#LOCKING-ROWS>).
    public func lockSettings(id: Int64) throws {
        guard db.dialect == .postgres else { return }
        try db.execute("SELECT id FROM workshops WHERE id = ? FOR SHARE", [id])
    }
}
