extension Schema {
    /// Each ballot's support and ratings packed on its row (``BallotContent``), so reading a
    /// workshop's ballots reads one row per ballot: at 100,000 ballots, 100,000 rows instead of 1.3
    /// million, which made a server's first ranking after a start take most of a second. Every
    /// existing ballot is packed here, once; the ballot writer keeps it current from now on.
    static let ballotContent = Migration("22-ballot-content") { db in
        try db.executeScript("ALTER TABLE ballots ADD COLUMN content BLOB;")
        try db.ballots.fillMissingContent()
    }
}
