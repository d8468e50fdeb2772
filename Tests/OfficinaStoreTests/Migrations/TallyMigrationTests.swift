import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// "18-tallies" and "20-rater-tallies" on a database written before them: the migrations build the
/// running tallies from the ballots already there, and from then on the ballot writer keeps them.
@Suite struct TallyMigrationTests {
    @Test func aDatabaseFromBeforeTheTalliesIsBackfilledFromItsBallots() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        var workshopID: Int64 = 0
        do {
            let old = try DatabaseBeforeMigration(
                path: path, before: Schema.tallies, goals: [Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"))], proposals: 4)
            let (db, proposals) = (old.db, old.proposals)
            workshopID = old.workshopID
            for voter in 0..<30 {
                let participant = try db.participants.create(workshopID: workshopID, name: "V\(voter)", tokenHash: "v\(voter)")
                // Rows as the code before the migration wrote them (today's `replace` also writes tallies).
                let ballot = try db.insertReturningID(
                    "INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id",
                    [workshopID, participant.id, Date(), Date()])
                try db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES (?, ?, ?), (?, ?, ?)",
                               [ballot, proposals[voter % 4], 1 + voter % 3, ballot, proposals[(voter + 1) % 4], 1])
                try db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, ?, 'space', ?)",
                               [ballot, proposals[voter % 4], voter % 5])
            }
        }
        let store = try Store(path: path)
        defer { store.close() }
        let (kept, rebuilt) = try store.read { db in
            (try db.ballots.sums(workshopID: workshopID), BallotSums(try db.ballots.all(workshopID: workshopID)))
        }
        #expect(kept == rebuilt)
        #expect(kept.support.values.flatMap(\.values).reduce(0, +) == 60)
        #expect(kept.ratings.count == 4)
        let raters = try store.read { db in
            (try db.ballots.raterCounts(workshopID: workshopID), RaterCount.counting(try db.ballots.all(workshopID: workshopID)))
        }
        #expect(raters.0 == raters.1)
        #expect(raters.0.values.map(\.raters).reduce(0, +) == 30)

        // The ballot writer keeps them from then on.
        try store.writeBlocking { db in
            let voter = try db.participants.create(workshopID: workshopID, name: "Nuova", tokenHash: "new")
            let first = try db.proposals.countingRows(workshopID: workshopID)[0].id
            try db.ballots.replace(Ballot(participantID: voter.id, support: [first: 3], ratings: [first: ["space": 2]]), workshopID: workshopID)
        }
        let after = try store.read { db in
            (try db.ballots.sums(workshopID: workshopID), BallotSums(try db.ballots.all(workshopID: workshopID)),
             try db.ballots.raterCounts(workshopID: workshopID), RaterCount.counting(try db.ballots.all(workshopID: workshopID)))
        }
        #expect(after.0 == after.1)
        #expect(after.0 != kept)
        #expect(after.2 == after.3)
        #expect(after.2 != raters.0)
    }
}
