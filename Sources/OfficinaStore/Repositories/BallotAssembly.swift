import OfficinaCore

/// Builds a workshop's ballots from their support and rating rows.
///
/// The rows of a join over the ballots' index arrive grouped by ballot, and a ballot's ratings grouped
/// by proposal (the primary key's order): the assembly gathers each run of rows for one ballot and
/// stores it at once, so the ballot is looked up once per run and each ballot's dictionaries are
/// allocated at their final size, instead of a search (and a rehash or two) per row. Ballots are kept
/// by ascending participant, found by binary search: no hashing, and added in that order (as the
/// query sorts them) each is appended. At 100,000 ballots and 1.5 million rows, hashing and growing
/// dictionaries row by row was most of reading them (benchmarks/system.md, cold start). Rows and
/// ballots in any other order give the same ballots, only slower.
struct BallotAssembly {
    /// Ballots by ascending participant, and their participants as a column to search.
    private var ballots: [Ballot] = []
    private var participants: [Int64] = []

    /// The run of rows being gathered: its ballot's position (-1: none) and participant.
    private var runBallot = -1
    private var runParticipant: Int64 = 0
    // Columns rather than arrays of tuples: clearing an array of tuples between runs went through
    // the runtime's generic metadata, a tenth of the time spent here.
    private var runSupportProposal: [Int64] = []
    private var runSupportDots: [Int] = []
    private var runRatingProposal: [Int64] = []
    private var runRatingGoal: [String] = []
    private var runRatingValue: [Int] = []

    init(expectedBallots: Int = 0) {
        ballots.reserveCapacity(expectedBallots)
        participants.reserveCapacity(expectedBallots)
    }

    /// Adds an empty ballot of `participantID` (a second one for the same participant is ignored).
    mutating func addBallot(participantID: Int64) {
        flush()
        runBallot = -1
        let at = insertionPoint(of: participantID)
        guard at == participants.count || participants[at] != participantID else { return }
        participants.insert(participantID, at: at)
        ballots.insert(Ballot(participantID: participantID), at: at)
    }

    /// Support given on the participant's ballot (ignored when no such ballot was added).
    mutating func addSupport(participantID: Int64, proposalID: Int64, dots: Int) {
        enterRun(of: participantID)
        guard runBallot >= 0 else { return }
        runSupportProposal.append(proposalID)
        runSupportDots.append(dots)
    }

    /// A rating given on the participant's ballot (ignored when no such ballot was added).
    mutating func addRating(participantID: Int64, proposalID: Int64, goal: String, value: Int) {
        enterRun(of: participantID)
        guard runBallot >= 0 else { return }
        runRatingProposal.append(proposalID)
        runRatingGoal.append(goal)
        runRatingValue.append(value)
    }

    /// Every ballot with its rows, by ascending participant.
    mutating func finish() -> [Ballot] {
        flush()
        runBallot = -1
        return ballots
    }

    private mutating func enterRun(of participantID: Int64) {
        guard runBallot < 0 || participantID != runParticipant else { return }
        flush()
        runParticipant = participantID
        let at = insertionPoint(of: participantID)
        runBallot = at < participants.count && participants[at] == participantID ? at : -1
    }

    /// The first position whose participant is not below `participantID`; the end in one step when
    /// ballots come in ascending order.
    private func insertionPoint(of participantID: Int64) -> Int {
        guard let last = participants.last, participantID <= last else { return participants.count }
        var low = 0
        var high = participants.count - 1
        while low < high {
            let middle = (low + high) / 2
            if participants[middle] < participantID { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Stores the gathered run; a later row for the same key overwrites an earlier one, as row by row.
    private mutating func flush() {
        defer {
            runSupportProposal.removeAll(keepingCapacity: true)
            runSupportDots.removeAll(keepingCapacity: true)
            runRatingProposal.removeAll(keepingCapacity: true)
            runRatingGoal.removeAll(keepingCapacity: true)
            runRatingValue.removeAll(keepingCapacity: true)
        }
        guard runBallot >= 0 else { return }
        if !runSupportProposal.isEmpty {
            // Moved out and back so the dictionary is uniquely referenced while it grows.
            var support = ballots[runBallot].support
            ballots[runBallot].support = [:]
            if support.isEmpty { support.reserveCapacity(runSupportProposal.count) }
            for i in runSupportProposal.indices { support[runSupportProposal[i]] = runSupportDots[i] }
            ballots[runBallot].support = support
        }
        if !runRatingProposal.isEmpty {
            var ratings = ballots[runBallot].ratings
            ballots[runBallot].ratings = [:]
            if ratings.isEmpty { ratings.reserveCapacity(Self.runs(runRatingProposal)) }
            var start = 0
            while start < runRatingProposal.count {
                let proposal = runRatingProposal[start]
                var end = start + 1
                while end < runRatingProposal.count, runRatingProposal[end] == proposal { end += 1 }
                var goals = ratings.removeValue(forKey: proposal) ?? Dictionary(minimumCapacity: end - start)
                for i in start..<end { goals[runRatingGoal[i]] = runRatingValue[i] }
                ratings[proposal] = goals
                start = end
            }
            ballots[runBallot].ratings = ratings
        }
    }

    /// How many runs of one proposal the rows hold (their distinct proposals when grouped).
    private static func runs(_ proposals: [Int64]) -> Int {
        var runs = proposals.isEmpty ? 0 : 1
        for i in proposals.indices.dropFirst() where proposals[i] != proposals[i - 1] { runs += 1 }
        return runs
    }
}
