/// What several Officina instances on one PostgreSQL database tell each other. On SQLite there is
/// one instance, and all of this does nothing.
extension SQLDatabase {
    /// Sends `payload` to every instance when the current write commits (nothing is sent when it
    /// rolls back): `e:<workshop>` for a new live event, `t:<workshop>` for changed tallies.
    public func notifyInstances(_ payload: String) throws {
        guard let statement = notifyStatement(payload) else { return }
        try execute(statement.sql, statement.arguments)
    }

    /// The statement ``notifyInstances(_:)`` runs, to send along with others; `nil` on SQLite.
    func notifyStatement(_ payload: String) -> SQLStatement? {
        guard dialect == .postgres else { return nil }
        // One channel per schema: hubs sharing a cluster (a schema each) do not hear each other.
        return SQLStatement("SELECT pg_notify(? || current_schema(), ?)", [PostgresListener.liveChannel, payload])
    }

    /// Serialises, across instances, the writes that number a workshop's events, until commit.
    /// A transaction-scoped advisory lock keyed by the workshop
    /// (<https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS>).
    func lockEventSequence(workshopID: Int64) throws {
        guard dialect == .postgres else { return }
        try execute("SELECT pg_advisory_xact_lock(?::int, ?::int)", [Int64(Migrator.applicationID) + 1, workshopID])
    }
}
