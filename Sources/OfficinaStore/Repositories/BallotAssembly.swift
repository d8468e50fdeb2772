import OfficinaCore

/// Builds a workshop's ballots from their support and rating rows.
///
/// The rows of a join over the ballots' index arrive grouped by ballot, and a ballot's ratings grouped
/// by proposal (the primary key's order): the assembly gathers each run of rows for one ballot and
/// stores it at once, so the dictionary of ballots is searched once per ballot and each ballot's
/// dictionaries are allocated at their final size, instead of a search (and a rehash or two) per row.
/// At 100,000 ballots and 1.5 million rows that was most of reading them (benchmarks/system.md, cold
/// start). Rows in any other order give the same ballots, only slower.
struct BallotAssembly {
    private typealias Rating = (proposal: Int64, goal: String, value: Int)

    /// Ballots in the order they were added.
    private var ballots: [Ballot] = []
    private var position: [Int64: Int] = [:]

    /// The run of rows being gathered: its ballot's position (-1: none) and participant.
    private var runBallot = -1
    private var runParticipant: Int64 = 0
    private var runSupport: [(proposal: Int64, dots: Int)] = []
    private var runRatings: [Rating] = []

    init(expectedBallots: Int = 0) {
        ballots.reserveCapacity(expectedBallots)
        position.reserveCapacity(expectedBallots)
    }

    /// Adds an empty ballot of `participantID` (a second one for the same participant is ignored).
    mutating func addBallot(participantID: Int64) {
        guard position[participantID] == nil else { return }
        position[participantID] = ballots.count
        ballots.append(Ballot(participantID: participantID))
    }

    /// Support given on the participant's ballot (ignored when no such ballot was added).
    mutating func addSupport(participantID: Int64, proposalID: Int64, dots: Int) {
        enterRun(of: participantID)
        if runBallot >= 0 { runSupport.append((proposalID, dots)) }
    }

    /// A rating given on the participant's ballot (ignored when no such ballot was added).
    mutating func addRating(participantID: Int64, proposalID: Int64, goal: String, value: Int) {
        enterRun(of: participantID)
        if runBallot >= 0 { runRatings.append((proposalID, goal, value)) }
    }

    /// Every ballot with its rows, in the order the ballots were added.
    mutating func finish() -> [Ballot] {
        flush()
        runBallot = -1
        return ballots
    }

    private mutating func enterRun(of participantID: Int64) {
        guard runBallot < 0 || participantID != runParticipant else { return }
        flush()
        runParticipant = participantID
        runBallot = position[participantID] ?? -1
    }

    /// Stores the gathered run; a later row for the same key overwrites an earlier one, as row by row.
    private mutating func flush() {
        defer {
            runSupport.removeAll(keepingCapacity: true)
            runRatings.removeAll(keepingCapacity: true)
        }
        guard runBallot >= 0 else { return }
        if !runSupport.isEmpty {
            // Moved out and back so the dictionary is uniquely referenced while it grows.
            var support = ballots[runBallot].support
            ballots[runBallot].support = [:]
            if support.isEmpty { support.reserveCapacity(runSupport.count) }
            for row in runSupport { support[row.proposal] = row.dots }
            ballots[runBallot].support = support
        }
        if !runRatings.isEmpty {
            var ratings = ballots[runBallot].ratings
            ballots[runBallot].ratings = [:]
            if ratings.isEmpty { ratings.reserveCapacity(Self.proposalRuns(runRatings)) }
            var start = 0
            while start < runRatings.count {
                let proposal = runRatings[start].proposal
                var end = start + 1
                while end < runRatings.count, runRatings[end].proposal == proposal { end += 1 }
                var goals = ratings.removeValue(forKey: proposal) ?? Dictionary(minimumCapacity: end - start)
                for row in runRatings[start..<end] { goals[row.goal] = row.value }
                ratings[proposal] = goals
                start = end
            }
            ballots[runBallot].ratings = ratings
        }
    }

    /// How many runs of one proposal the ratings hold (their distinct proposals when grouped).
    private static func proposalRuns(_ ratings: [Rating]) -> Int {
        var runs = ratings.isEmpty ? 0 : 1
        for i in ratings.indices.dropFirst() where ratings[i].proposal != ratings[i - 1].proposal { runs += 1 }
        return runs
    }
}
