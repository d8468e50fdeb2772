import Foundation
import Testing
@testable import OfficinaStore

@Suite struct AccessCodeRepositoryTests {
    @Test func generatedCodesAreDistinctAndEachIsConsumedOnce() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 0)
        let id = fixture.workshop.id
        let codes = try fixture.store.writeBlocking { db in try db.accessCodes.generate(count: 30, workshopID: id) }
        #expect(codes.count == 30)
        #expect(Set(codes).count == 30)
        #expect(codes.allSatisfy { $0.count == AccessCodeRepository.length })
        #expect(try fixture.store.read { db in try db.accessCodes.unused(workshopID: id) } == codes)
        let participant = fixture.participants[0].id
        #expect(try fixture.store.writeBlocking { db in try db.accessCodes.consume(code: codes[0].lowercased(), workshopID: id, participantID: participant) })
        #expect(try fixture.store.writeBlocking { db in try db.accessCodes.consume(code: codes[0], workshopID: id, participantID: fixture.participants[1].id) } == false)
        #expect(try fixture.store.writeBlocking { db in try db.accessCodes.consume(code: codes[1], workshopID: 999, participantID: participant) } == false)
        #expect(try fixture.store.read { db in try db.accessCodes.unused(workshopID: id) } == Array(codes.dropFirst()))
    }

    @Test func concurrentJoinsWithOneCodeLetExactlyOneIn() async throws {
        let fixture = try Fixture(participantCount: 0, proposalCount: 0)
        let id = fixture.workshop.id
        let store = fixture.store
        let code = try store.writeBlocking { db in try db.accessCodes.generate(count: 1, workshopID: id)[0] }
        let joined = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    do {
                        try await store.write { db in
                            let participant = try db.participants.create(workshopID: id, name: "P\(index)", tokenHash: "t\(index)", accessCode: code)
                            guard try db.accessCodes.consume(code: code, workshopID: id, participantID: participant.id) else {
                                throw StoreError(.constraint, message: "code used")
                            }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(joined == 1)
        #expect(try store.read { db in try db.participants.list(workshopID: id).count } == 1)
    }
}
