import Foundation
import Testing
@testable import OfficinaApp

/// Issue 10, "connection slots" and "a facilitator's live stream after logout": streams are
/// counted per participant, per facilitator session and per anonymous address, refused with a
/// JSON 429 past the cap; a facilitator's stream ends with its session.
@Suite struct LiveStreamLimitTests {
    @Test func oneAddressCannotOpenMoreAnonymousStreamsThanItsCap() async throws {
        try await withServer(configure: { $0.maxAnonymousStreamsPerAddress = 3 }) { server in
            let f = try await Fixture.make(server)
            let hub = server.application.context.hub
            let path = "/api/workshops/\(f.code)/events"
            var streams = try (0..<3).map { _ in try EventStreamReader(port: server.port, path: path) }
            #expect(await eventually { hub.openStreams == 3 })
            let refused = try await server.browser().get(path)
            #expect(refused.status == 429)
            #expect(refused.errorCode == "too_many_streams")
            #expect(refused.header("Retry-After") != nil)
            // A stream that closes gives its slot back.
            streams.removeLast().close()
            #expect(await eventually { hub.openStreams == 2 })
            let again = try EventStreamReader(port: server.port, path: path)
            defer { again.close(); streams.forEach { $0.close() } }
            #expect(await again.wait { $0.contains { $0.name == "tally" } })
        }
    }

    /// A room of phones behind one venue router shares one address: each participant has its own
    /// allowance, however small the anonymous one is.
    @Test func participantsBehindOneRouterAreCountedByParticipantNotAddress() async throws {
        try await withServer(configure: {
            $0.maxAnonymousStreamsPerAddress = 2
            $0.maxStreamsPerParticipant = 1
        }) { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/events"
            var phones: [Browser] = []
            for index in 0..<6 {
                let phone = server.browser()
                try await phone.post("/api/join", ["code": .string(f.code), "name": .string("Telefono \(index)")])
                phones.append(phone)
            }
            let streams = try phones.map { try EventStreamReader(port: server.port, path: path, cookies: $0.cookies) }
            defer { streams.forEach { $0.close() } }
            for stream in streams { #expect(await stream.wait { $0.contains { $0.name == "tally" } }) }
            let second = try await phones[0].get(path)
            #expect(second.status == 429)
            #expect(second.errorCode == "too_many_streams")
        }
    }

    @Test func aFacilitatorSessionCannotOpenMoreStreamsThanItsCap() async throws {
        try await withServer(configure: { $0.maxStreamsPerFacilitatorSession = 2 }) { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/events"
            let streams = try (0..<2).map { _ in try EventStreamReader(port: server.port, path: path, cookies: f.facilitator.cookies) }
            defer { streams.forEach { $0.close() } }
            for stream in streams { #expect(await stream.wait { $0.contains { $0.name == "tally" } }) }
            let third = try await f.facilitator.get(path)
            #expect(third.status == 429)
            #expect(third.errorCode == "too_many_streams")
        }
    }

    @Test func aFacilitatorsLiveStreamEndsWhenTheSessionLogsOut() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait { $0.contains { $0.name == "tally" } })
            #expect(try await f.facilitator.delete("/api/session").status == 204)
            #expect(await stream.wait { _ in stream.hasEnded })
            // Nothing privileged reached it after the logout.
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Dopo il logout"])
            #expect(!stream.events.contains { $0.json["title"] == "Dopo il logout" })
        }
    }

    @Test func aFacilitatorsLiveStreamEndsWhenTheSessionExpires() async throws {
        // Long enough that signing in and opening the stream finish inside it on a loaded machine under
        // ThreadSanitizer (20 s was not: the session once expired before the first tally arrived).
        try await withServer(configure: { $0.sessionLifetime = 60 }) { server in
            let facilitator = try await server.facilitator()
            let code = try server.seededCode(0)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(code)/events", cookies: facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait(timeout: 50) { $0.contains { $0.name == "tally" } })
            #expect(stream.events(named: "tally").first?.json["tallies"] != .null)
            #expect(await stream.wait(timeout: 150) { _ in stream.hasEnded })
            // Reconnecting with the expired cookie gives an anonymous stream.
            let again = try EventStreamReader(port: server.port, path: "/api/workshops/\(code)/events", cookies: facilitator.cookies)
            defer { again.close() }
            #expect(await again.wait { $0.contains { $0.name == "tally" } })
            #expect(again.events(named: "tally").last?.json["tallies"] == .null)
        }
    }
}
