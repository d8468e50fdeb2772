/// The cells a run of ballot rewrites stores, as arrays for two set-based inserts, and the tally
/// changes they owe.
///
/// Every cell of the run's ballots is deleted and read back in the same round trip (`RETURNING`,
/// see ``deleteSupport``) as the new cells are inserted: no read of the old cells before, no
/// `ON CONFLICT` probe per row. The deletes name the ballots by the ids the `ballots` upsert returned
/// (as a join on participant and workshop, the planner hashed the whole `ballots` table once a run
/// named a few dozen ballots). As one by one (`BallotRepository+Rows`), only cells that differ from
/// the old ballot owe tally changes.
struct CellChanges {
    private(set) var deltas = TallyDeltas()
    private var support: (ballots: [Int64], proposals: [Int64], dots: [Int64]) = ([], [], [])
    private var ratings: (ballots: [Int64], proposals: [Int64], goals: [String], values: [Int64]) = ([], [], [], [])

    /// Adds one ballot's new cells (no zero dots, no empty ratings).
    mutating func add(ballotID: Int64, support newSupport: [Int64: Int], ratings newRatings: [Int64: [String: Int]]) {
        for (proposal, dots) in newSupport {
            support.ballots.append(ballotID)
            support.proposals.append(proposal)
            support.dots.append(Int64(dots))
        }
        for (proposal, goals) in newRatings {
            for (goal, value) in goals {
                ratings.ballots.append(ballotID)
                ratings.proposals.append(proposal)
                ratings.goals.append(goal)
                ratings.values.append(Int64(value))
            }
        }
    }

    /// Adds the tally changes of one ballot's rewrite from its old cells to its new ones.
    mutating func addDeltas(oldSupport: [Int64: Int], newSupport: [Int64: Int],
                            oldRatings: [Int64: [String: Int]], newRatings: [Int64: [String: Int]]) {
        for (proposal, dots) in oldSupport where newSupport[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, -1)
        }
        for (proposal, dots) in newSupport where oldSupport[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, 1)
        }
        deltas.addRaters(old: oldRatings, new: newRatings)
        for (proposal, goals) in oldRatings {
            for (goal, value) in goals where newRatings[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, -1)
            }
        }
        for (proposal, goals) in newRatings {
            for (goal, value) in goals where oldRatings[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, 1)
            }
        }
    }

    /// The index of the statement returning the old support cells in ``statements(ballotIDs:)``.
    static let supportDeletion = 1
    /// The index of the statement returning the old ratings.
    static let ratingsDeletion = 2

    /// Every old cell of the ballots `ballotIDs` deleted and returned (support, then ratings), then
    /// the new cells inserted, between statements that tell the reference triggers the batch
    /// checked the references itself ("pg-25-cell-checks-by-batch": the ballots are the run's,
    /// locked by its upsert; the proposals locked and counted by ``PostgresBallotBatch/lockProposals``).
    func statements(ballotIDs: [Int64]) -> [SQLStatement] {
        typealias Batch = PostgresBallotBatch
        let ids = Batch.array(ballotIDs)
        var statements = [
            SQLStatement(Self.referencesChecked, ["on"]), SQLStatement(Self.deleteSupport, [ids]), SQLStatement(Self.deleteRatings, [ids]),
        ]
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
        statements.append(SQLStatement(Self.referencesChecked, ["off"]))
        return statements
    }

    /// Sets `officina.cells_checked` until the end of the transaction (a rollback to a savepoint
    /// restores it).
    static let referencesChecked = "SELECT set_config('officina.cells_checked', CAST(? AS TEXT), true)"

    /// Every support cell of these ballots, deleted and returned: (ballot, proposal, dots). Run
    /// after the `ballots` upsert locked their rows, so it sees what other instances committed before.
    static let deleteSupport = """
        DELETE FROM ballot_support WHERE ballot_id = ANY(CAST(? AS BIGINT[])) RETURNING ballot_id, proposal_id, dots
        """

    /// The same for ratings: (ballot, proposal, goal, value).
    static let deleteRatings = """
        DELETE FROM ballot_ratings WHERE ballot_id = ANY(CAST(? AS BIGINT[])) RETURNING ballot_id, proposal_id, goal_key, value
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
