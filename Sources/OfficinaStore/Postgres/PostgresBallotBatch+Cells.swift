/// The cells a run of ballot rewrites stores, as arrays for two set-based inserts, and the tally
/// changes they owe.
///
/// The run's first round trip deleted every cell of its ballots and read them back (`RETURNING`, see
/// ``deleteSupport``), so the new cells are plain inserts: no read of the old cells before, no
/// `ON CONFLICT` probe per row. As one by one (`BallotRepository+Rows`), only cells that differ from
/// the old ballot owe tally changes.
struct CellChanges {
    private(set) var deltas = TallyDeltas()
    private var support: (ballots: [Int64], proposals: [Int64], dots: [Int64]) = ([], [], [])
    private var ratings: (ballots: [Int64], proposals: [Int64], goals: [String], values: [Int64]) = ([], [], [], [])

    /// Adds one ballot's rewrite from its old cells to its new ones (no zero dots, no empty ratings).
    mutating func add(ballotID: Int64, oldSupport: [Int64: Int], newSupport: [Int64: Int],
                      oldRatings: [Int64: [String: Int]], newRatings: [Int64: [String: Int]]) {
        for (proposal, dots) in oldSupport where newSupport[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, -1)
        }
        for (proposal, dots) in newSupport {
            if oldSupport[proposal] != dots {
                deltas.addSupport(proposal: proposal, dots: dots, 1)
            }
            support.ballots.append(ballotID)
            support.proposals.append(proposal)
            support.dots.append(Int64(dots))
        }
        deltas.addRaters(old: oldRatings, new: newRatings)
        for (proposal, goals) in oldRatings {
            for (goal, value) in goals where newRatings[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, -1)
            }
        }
        for (proposal, goals) in newRatings {
            for (goal, value) in goals {
                if oldRatings[proposal]?[goal] != value {
                    deltas.addRating(proposal: proposal, goal: goal, value: value, 1)
                }
                ratings.ballots.append(ballotID)
                ratings.proposals.append(proposal)
                ratings.goals.append(goal)
                ratings.values.append(Int64(value))
            }
        }
    }

    /// At most two statements: the new support cells, then the new ratings.
    func statements() -> [SQLStatement] {
        typealias Batch = PostgresBallotBatch
        var statements: [SQLStatement] = []
        if !support.ballots.isEmpty {
            statements.append(SQLStatement(Self.insertSupport, [
                Batch.array(support.ballots), Batch.array(support.proposals), Batch.array(support.dots),
            ]))
        }
        if !ratings.ballots.isEmpty {
            statements.append(SQLStatement(Self.insertRatings, [
                Batch.array(ratings.ballots), Batch.array(ratings.proposals), Batch.array(ratings.goals), Batch.array(ratings.values),
            ]))
        }
        return statements
    }

    /// Every support cell of the ballots of these (participants, workshops), deleted and returned:
    /// (ballot, proposal, dots). Run after the `ballots` upsert locked those rows, so it sees what
    /// other instances committed before.
    static let deleteSupport = """
        DELETE FROM ballot_support s USING ballots b, unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v(p, w)
        WHERE b.participant_id = v.p AND b.workshop_id = v.w AND s.ballot_id = b.id
        RETURNING s.ballot_id, s.proposal_id, s.dots
        """

    /// The same for ratings: (ballot, proposal, goal, value).
    static let deleteRatings = """
        DELETE FROM ballot_ratings r USING ballots b, unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v(p, w)
        WHERE b.participant_id = v.p AND b.workshop_id = v.w AND r.ballot_id = b.id
        RETURNING r.ballot_id, r.proposal_id, r.goal_key, r.value
        """

    static let insertSupport = """
        INSERT INTO ballot_support (ballot_id, proposal_id, dots)
        SELECT v.b, v.p, v.d FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v(b, p, d)
        """

    static let insertRatings = """
        INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value)
        SELECT v.b, v.p, v.g, v.x FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[])) AS v(b, p, g, x)
        """
}
