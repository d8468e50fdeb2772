extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "21-grouped-participants": a partial index of the participants
    /// who declared a group (<https://www.postgresql.org/docs/15/indexes-partial.html>).
    static let groupedParticipants = Migration("pg-22-grouped-participants", sql: """
        CREATE INDEX participants_grouped ON participants (workshop_id) WHERE group_key IS NOT NULL;
        """)
}
