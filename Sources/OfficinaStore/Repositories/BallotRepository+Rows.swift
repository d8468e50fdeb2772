/// A ballot's rows rewritten by difference: what a rewrite keeps is not touched.
///
/// A phone puts the whole ballot after each tap, so most rewrites change one or two rows of a
/// dozen. Deleting and reinserting every row cost a B-tree change per row (and, with the running
/// tallies, two histogram changes per row); only the rows that differ are written now, and only
/// they owe tally changes. When a rewrite keeps nothing, the old rows go in one statement. The
/// statements are collected, not run: the caller sends them together (one round trip on PostgreSQL).
extension BallotRepository {
    /// The statements rewriting the ballot's support rows from `old` to `new` (no zero dots), adding the tally changes.
    func writeSupport(ballotID: Int64, old: [Int64: Int], new: [Int64: Int], deltas: inout TallyDeltas, into statements: inout [SQLStatement]) throws {
        let keepsAny = old.contains { new[$0.key] == $0.value }
        var added: [any DatabaseValueConvertible] = []
        for (proposal, dots) in old where new[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, -1)
            guard keepsAny else { continue }
            if let changed = new[proposal] {
                statements.append(SQLStatement("UPDATE ballot_support SET dots = ? WHERE ballot_id = ? AND proposal_id = ?", [changed, ballotID, proposal]))
            } else {
                statements.append(SQLStatement("DELETE FROM ballot_support WHERE ballot_id = ? AND proposal_id = ?", [ballotID, proposal]))
            }
        }
        if !keepsAny, !old.isEmpty {
            statements.append(SQLStatement("DELETE FROM ballot_support WHERE ballot_id = ?", [ballotID]))
        }
        for (proposal, dots) in new where old[proposal] != dots {
            deltas.addSupport(proposal: proposal, dots: dots, 1)
            if old[proposal] == nil || !keepsAny { added += [ballotID, proposal, dots] }
        }
        statements += try InsertShape.statements("INSERT INTO ballot_support (ballot_id, proposal_id, dots)", columns: 3, values: added)
    }

    /// The statements rewriting the ballot's rating rows from `old` to `new`, adding the tally changes.
    func writeRatings(ballotID: Int64, old: [Int64: [String: Int]], new: [Int64: [String: Int]], deltas: inout TallyDeltas, into statements: inout [SQLStatement]) throws {
        let keepsAny = old.contains { proposal, goals in goals.contains { new[proposal]?[$0.key] == $0.value } }
        deltas.addRaters(old: old, new: new)
        var added: [any DatabaseValueConvertible] = []
        for (proposal, goals) in old {
            for (goal, value) in goals where new[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, -1)
                guard keepsAny else { continue }
                if let changed = new[proposal]?[goal] {
                    statements.append(SQLStatement("UPDATE ballot_ratings SET value = ? WHERE ballot_id = ? AND proposal_id = ? AND goal_key = ?", [changed, ballotID, proposal, goal]))
                } else {
                    statements.append(SQLStatement("DELETE FROM ballot_ratings WHERE ballot_id = ? AND proposal_id = ? AND goal_key = ?", [ballotID, proposal, goal]))
                }
            }
        }
        if !keepsAny, !old.isEmpty {
            statements.append(SQLStatement("DELETE FROM ballot_ratings WHERE ballot_id = ?", [ballotID]))
        }
        for (proposal, goals) in new {
            for (goal, value) in goals where old[proposal]?[goal] != value {
                deltas.addRating(proposal: proposal, goal: goal, value: value, 1)
                if old[proposal]?[goal] == nil || !keepsAny { added += [ballotID, proposal, goal, value] }
            }
        }
        statements += try InsertShape.statements("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value)", columns: 4, values: added)
    }
}
