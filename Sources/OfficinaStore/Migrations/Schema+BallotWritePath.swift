extension Schema {
    /// Drops the index of ratings by proposal: no query reads ratings by proposal alone (scoring reads
    /// a workshop's ballots whole), proposals are never deleted, and each rating paid for the index on
    /// every ballot write.
    static let ballotWritePath = Migration("4-ballot-write-path", sql: """
        DROP INDEX IF EXISTS ballot_ratings_by_proposal;
        """)
}
