import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct ProposalRepositoryTests {
    @Test func aProposalRoundTripsWithItsAuthorGoalsAndBuildOns() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 0)
        let at = Date(timeIntervalSince1970: 1_800_000_000.25)
        let (proposal, buildOn) = try fixture.store.writeBlocking { db in
            let proposal = try db.proposals.create(
                workshopID: fixture.workshop.id, authorID: fixture.participants[0].id,
                title: "Un tetto verde", body: "Orto condiviso sul tetto — con \"virgolette\"", goals: ["space", "community"], at: at
            )
            let buildOn = try db.buildOns.add(proposalID: proposal.id, authorID: fixture.participants[1].id, text: "Con arnie!", at: at + 1)
            return (proposal, buildOn)
        }
        #expect(proposal.authorName == "Persona 0")
        #expect(proposal.goals == ["space", "community"])
        #expect(proposal.status == .visible)
        #expect(proposal.createdAt == at)
        #expect(buildOn.authorName == "Persona 1")
        #expect(try fixture.store.read { db in try db.proposals.find(id: proposal.id) } == proposal)
        let thread = try #require(try fixture.store.read { db in try db.proposals.thread(id: proposal.id) })
        #expect(thread.proposal == proposal)
        #expect(thread.buildOns == [buildOn])
        let listed = try fixture.store.read { db in try db.proposals.list(workshopID: fixture.workshop.id) }
        #expect(listed == [thread])
    }

    @Test func updatingChangesOnlyTheGivenFields() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 1)
        let original = fixture.proposals[0]
        let later = original.createdAt + 60
        let updated = try fixture.store.writeBlocking { db in
            try db.proposals.update(id: original.id, title: "Titolo nuovo", goals: ["partnerships"], at: later)
        }
        var expected = original
        expected.title = "Titolo nuovo"
        expected.goals = ["partnerships"]
        #expect(updated == expected)
        #expect(try fixture.store.read { db in try db.proposals.thread(id: original.id)?.updatedAt } == later)
        #expect(try fixture.store.writeBlocking { db in try db.proposals.update(id: 999, title: "x") } == nil)
    }

    @Test func hiddenProposalsAreListedOnlyForFacilitators() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 2)
        let hidden = try fixture.store.writeBlocking { db in try db.proposals.setStatus(id: fixture.proposals[0].id, .hidden) }
        #expect(hidden?.status == .hidden)
        let id = fixture.workshop.id
        #expect(try fixture.store.read { db in try db.proposals.list(workshopID: id).map(\.proposal.id) } == [fixture.proposals[1].id])
        #expect(try fixture.store.read { db in try db.proposals.list(workshopID: id, includeHidden: true).count } == 2)
        let shown = try fixture.store.writeBlocking { db in try db.proposals.setStatus(id: fixture.proposals[0].id, .visible) }
        #expect(shown?.status == .visible)
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.proposals.setStatus(id: fixture.proposals[0].id, .merged(into: fixture.proposals[1].id)) }
        }
    }

    @Test func aProposalNeedsAnExistingAuthorAndGoalsAsAJSONArray() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 1)
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.proposals.create(workshopID: fixture.workshop.id, authorID: 999, title: "x", body: "", goals: [])
            }
        }
        let error = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.execute("UPDATE proposals SET goals = '{\"not\":\"an array\"}' WHERE id = ?", [fixture.proposals[0].id])
            }
        }
        #expect(error.kind == .constraint)
    }
}
