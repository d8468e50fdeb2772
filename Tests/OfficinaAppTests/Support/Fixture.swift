import Foundation
@testable import OfficinaApp

/// A seeded workshop in `collecting` with two participants from it, one from another
/// workshop, and a proposal by the first: the cast of the authorization and rule tests.
struct Fixture {
    let server: TestServer
    let facilitator: Browser
    let code: String
    let otherCode: String
    let author: Browser
    let reader: Browser
    let outsider: Browser
    let anonymous: Browser
    let proposalID: Int64

    static func make(_ server: TestServer, phase: String = "collecting") async throws -> Fixture {
        let facilitator = try await server.facilitator()
        let code = try server.seededCode(0), otherCode = try server.seededCode(1)
        for workshop in [code, otherCode] {
            try await facilitator.post("/api/workshops/\(workshop)/phase", ["phase": "collecting"])
            try await facilitator.patch("/api/workshops/\(workshop)", ["settings": ["shuffleProposals": false]])
        }
        let author = server.browser(), reader = server.browser(), outsider = server.browser()
        try await author.post("/api/join", ["code": .string(code), "name": "Author"])
        try await reader.post("/api/join", ["code": .string(code), "name": "Reader"])
        try await outsider.post("/api/join", ["code": .string(otherCode), "name": "Outsider"])
        let proposal = try await author.post("/api/workshops/\(code)/proposals", ["title": "Biblioteca degli attrezzi", "goals": ["community"]])
        guard let id = proposal.json["id"]?.doubleValue else { throw TestFailure("no proposal: \(proposal)") }
        if phase != "collecting" {
            try await facilitator.post("/api/workshops/\(code)/phase", ["phase": .string(phase)])
        }
        return Fixture(server: server, facilitator: facilitator, code: code, otherCode: otherCode, author: author, reader: reader,
                       outsider: outsider, anonymous: server.browser(), proposalID: Int64(id))
    }
}
