import OfficinaCore
@testable import OfficinaStore

/// A workshop to vote in, on a store of either engine: a programme with ``Fixture/goals``, one
/// workshop, `voters` participants named `v0`, `v1`… and `proposals` proposals `P0`, `P1`… all
/// written by the voter at index `author`.
struct TestRoom: Sendable {
    let workshopID: Int64
    let voters: [Int64]
    let proposals: [Int64]

    init(in store: Store, voters voterCount: Int, proposals proposalCount: Int, author: Int = 0) throws {
        (workshopID, voters, proposals) = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "P", en: "P"), description: LocalizedText(it: "", en: ""), goals: Fixture.goals)
            let workshop = try db.workshops.create(
                programmeID: programme.id, theme: "t", title: LocalizedText(it: "W", en: "W"), description: LocalizedText(it: "", en: ""))
            let voters = try (0..<voterCount).map {
                try db.participants.create(workshopID: workshop.id, name: "v\($0)", tokenHash: "v\($0)").id
            }
            let proposals = try (0..<proposalCount).map {
                try db.proposals.create(workshopID: workshop.id, authorID: voters[author], title: "P\($0)", body: "", goals: []).id
            }
            return (workshop.id, voters, proposals)
        }
    }
}

extension TestRoom {
    /// A ballot of the voter at index `voter`, naming proposals by index.
    func ballot(_ voter: Int, _ support: [Int: Int], _ ratings: [Int: [String: Int]] = [:]) -> Ballot {
        Ballot(participantID: voters[voter],
               support: Dictionary(uniqueKeysWithValues: support.map { (proposal(for: $0.key), $0.value) }),
               ratings: Dictionary(uniqueKeysWithValues: ratings.map { (proposal(for: $0.key), $0.value) }))
    }

    /// Index 9 names a proposal that does not exist.
    private func proposal(for index: Int) -> Int64 { index == 9 ? 999_999 : proposals[index] }
}

extension TestRoom {
    /// Whether the running tallies of the room's workshop (support, ratings, raters) equal a rebuild
    /// from the stored cells; leaves the rebuilt ones in place.
    func talliesMatchARebuild(in store: Store) throws -> Bool {
        try store.writeBlocking { db in
            let running = try db.ballots.sums(workshopID: workshopID)
            let runningRaters = try db.ballots.raterCounts(workshopID: workshopID)
            try db.ballots.rebuildTallies()
            return try db.ballots.sums(workshopID: workshopID) == running
                && db.ballots.raterCounts(workshopID: workshopID) == runningRaters
        }
    }
}
