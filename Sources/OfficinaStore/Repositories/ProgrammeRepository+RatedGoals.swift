extension ProgrammeRepository {
    /// Keys of the programme's goals that at least one ballot of its workshops rated: a programme must
    /// not lose them, or those ratings would silently stop counting.
    public func ratedGoalKeys(programmeID: Int64) throws -> Set<String> {
        Set(try db.query("""
            SELECT DISTINCT r.goal_key FROM ballot_ratings r
            JOIN ballots b ON b.id = r.ballot_id JOIN workshops w ON w.id = b.workshop_id
            WHERE w.programme_id = ?
            """, [programmeID]) { $0.text(0) })
    }
}
