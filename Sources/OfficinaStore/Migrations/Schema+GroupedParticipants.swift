extension Schema {
    /// The participants who declared a group, found without visiting the others: every ranking
    /// reads them (`ParticipantGroupRepository.declared`), and through `participants_by_workshop`
    /// that meant every participant's row — 100,000 rows for a few declared ones. A partial index
    /// holds only the declared (<https://sqlite.org/partialindex.html>); the query's
    /// `group_key IS NOT NULL` term matches its `WHERE`, so the planner uses it.
    static let groupedParticipants = Migration("21-grouped-participants", sql: """
        CREATE INDEX participants_grouped ON participants (workshop_id) WHERE group_key IS NOT NULL;
        """)
}
