extension Schema {
    /// Ballots go back to what their participants cast. Before this step a merge rewrote ballots
    /// (support moved from the duplicate to the kept proposal) and its undo could not always put them
    /// back; now ballots are never rewritten and `BallotCounting` counts merges when support is read.
    /// For every merge still standing, latest first (so chains unwind in order), each ballot the merge
    /// moved and that nobody changed since gets its cast support back. A ballot its participant
    /// replaced after the merge is what they cast, and stays.
    static let mergeCounting = Migration("7-merge-counting") { db in
        let standing = try db.query(
            "SELECT id, from_id, into_id FROM merges WHERE undone_at IS NULL ORDER BY id DESC", []
        ) { ($0.int64(0), $0.int64(1), $0.int64(2)) }
        for (mergeID, fromID, intoID) in standing {
            // Only ballots still holding exactly what the merge left on the kept proposal.
            try db.execute("""
                CREATE TEMP TABLE unwound AS
                SELECT m.ballot_id, m.from_dots, m.into_before FROM merge_moves m
                JOIN ballot_support s ON s.ballot_id = m.ballot_id AND s.proposal_id = ?2 AND s.dots = m.into_after
                WHERE m.merge_id = ?1
                """, [mergeID, intoID])
            try db.execute("""
                DELETE FROM ballot_support WHERE proposal_id = ?1
                    AND ballot_id IN (SELECT ballot_id FROM unwound WHERE into_before = 0)
                """, [intoID])
            try db.execute("""
                UPDATE ballot_support SET dots = (SELECT into_before FROM unwound u WHERE u.ballot_id = ballot_support.ballot_id)
                WHERE proposal_id = ?1 AND ballot_id IN (SELECT ballot_id FROM unwound WHERE into_before > 0)
                """, [intoID])
            try db.execute("""
                INSERT INTO ballot_support (ballot_id, proposal_id, dots)
                SELECT ballot_id, ?1, from_dots FROM unwound WHERE true
                ON CONFLICT (ballot_id, proposal_id) DO UPDATE SET dots = max(dots, excluded.dots)
                """, [fromID])
            try db.execute("DROP TABLE temp.unwound", [])
        }
    }
}
