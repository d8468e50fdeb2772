/// The cell rows a run of ballot rewrites changes, as arrays for four set-based statements, and the
/// tally changes they owe. As one by one (`BallotRepository+Rows`), only cells that differ from the
/// old ballot are written, and only they owe tally changes.
struct CellChanges {
    private(set) var deltas = TallyDeltas()
    private var supportGone: (ballots: [Int64], proposals: [Int64]) = ([], [])
    private var supportSet: (ballots: [Int64], proposals: [Int64], dots: [Int64]) = ([], [], [])
    private var ratingsGone: (ballots: [Int64], proposals: [Int64], goals: [String]) = ([], [], [])
    private var ratingsSet: (ballots: [Int64], proposals: [Int64], goals: [String], values: [Int64]) = ([], [], [], [])

    /// Adds one ballot's rewrite from its old cells to its new ones (no zero dots, no empty ratings).
    mutating func add(ballotID: Int64, oldSupport: [Int64: Int], newSupport: [Int64: Int],
                      oldRatings: [Int64: [String: Int]], newRatings: [Int64: [String: Int]]) {
        for (proposal, dots) in oldSupport where newSupport[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, -1)
            if newSupport[proposal] == nil {
                supportGone.ballots.append(ballotID)
                supportGone.proposals.append(proposal)
            }
        }
        for (proposal, dots) in newSupport where oldSupport[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, 1)
            supportSet.ballots.append(ballotID)
            supportSet.proposals.append(proposal)
            supportSet.dots.append(Int64(dots))
        }
        deltas.addRaters(old: oldRatings, new: newRatings)
        for (proposal, goals) in oldRatings {
            for (goal, value) in goals where newRatings[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, -1)
                if newRatings[proposal]?[goal] == nil {
                    ratingsGone.ballots.append(ballotID)
                    ratingsGone.proposals.append(proposal)
                    ratingsGone.goals.append(goal)
                }
            }
        }
        for (proposal, goals) in newRatings {
            for (goal, value) in goals where oldRatings[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, 1)
                ratingsSet.ballots.append(ballotID)
                ratingsSet.proposals.append(proposal)
                ratingsSet.goals.append(goal)
                ratingsSet.values.append(Int64(value))
            }
        }
    }

    /// At most four statements: the cells a ballot no longer holds deleted, the new and changed
    /// ones upserted (in key order, the row-lock order), support before ratings.
    func statements() -> [SQLStatement] {
        typealias Batch = PostgresBallotBatch
        var statements: [SQLStatement] = []
        if !supportGone.ballots.isEmpty {
            statements.append(SQLStatement(Self.deleteSupport, [Batch.array(supportGone.ballots), Batch.array(supportGone.proposals)]))
        }
        if !supportSet.ballots.isEmpty {
            statements.append(SQLStatement(Self.upsertSupport, [
                Batch.array(supportSet.ballots), Batch.array(supportSet.proposals), Batch.array(supportSet.dots),
            ]))
        }
        if !ratingsGone.ballots.isEmpty {
            statements.append(SQLStatement(Self.deleteRatings, [
                Batch.array(ratingsGone.ballots), Batch.array(ratingsGone.proposals), Batch.array(ratingsGone.goals),
            ]))
        }
        if !ratingsSet.ballots.isEmpty {
            statements.append(SQLStatement(Self.upsertRatings, [
                Batch.array(ratingsSet.ballots), Batch.array(ratingsSet.proposals), Batch.array(ratingsSet.goals), Batch.array(ratingsSet.values),
            ]))
        }
        return statements
    }

    static let deleteSupport = """
        DELETE FROM ballot_support s USING unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS d(b, p)
        WHERE s.ballot_id = d.b AND s.proposal_id = d.p
        """

    static let upsertSupport = """
        INSERT INTO ballot_support (ballot_id, proposal_id, dots)
        SELECT v.b, v.p, v.d FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v(b, p, d)
        ORDER BY v.b, v.p
        ON CONFLICT (ballot_id, proposal_id) DO UPDATE SET dots = excluded.dots
        """

    static let deleteRatings = """
        DELETE FROM ballot_ratings r USING unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS d(b, p, g)
        WHERE r.ballot_id = d.b AND r.proposal_id = d.p AND r.goal_key = d.g
        """

    static let upsertRatings = """
        INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value)
        SELECT v.b, v.p, v.g, v.x FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[])) AS v(b, p, g, x)
        ORDER BY v.b, v.p, v.g
        ON CONFLICT (ballot_id, proposal_id, goal_key) DO UPDATE SET value = excluded.value
        """
}
