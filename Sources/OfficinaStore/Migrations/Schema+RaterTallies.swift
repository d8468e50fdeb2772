extension Schema {
    /// A running count, per proposal, of the ballots that rate it (on one goal or more), so the
    /// balanced exposure order reads how many participants rated each proposal in one row per
    /// proposal instead of every ballot (`BallotRepository.raterCounts`).
    ///
    /// Kept like "18-tallies": the ballot writer adds each batch's changes (a ballot that starts or
    /// stops rating a proposal) before the commit (`TallyDeltas`), and one trigger per ballot deleted
    /// whole takes off one per proposal it rated. Rows that fall to 0 stay; readers skip them.
    /// <https://sqlite.org/lang_createtrigger.html>, <https://sqlite.org/lang_upsert.html>
    static let raterTallies = Migration("20-rater-tallies", sql: """
        CREATE TABLE rater_tallies (
            proposal_id INTEGER NOT NULL PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
            ballots INTEGER NOT NULL
        ) STRICT;

        INSERT INTO rater_tallies (proposal_id, ballots)
            SELECT proposal_id, count(DISTINCT ballot_id) FROM ballot_ratings GROUP BY proposal_id;

        CREATE TRIGGER tallies_ballot_delete_raters BEFORE DELETE ON ballots BEGIN
            INSERT INTO rater_tallies (proposal_id, ballots)
                SELECT DISTINCT proposal_id, -1 FROM ballot_ratings r WHERE r.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = r.proposal_id)
                ON CONFLICT (proposal_id) DO UPDATE SET ballots = rater_tallies.ballots + excluded.ballots;
        END;
        """)
}
