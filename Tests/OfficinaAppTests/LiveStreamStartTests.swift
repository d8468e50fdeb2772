import Foundation
import OfficinaHTTP
import Testing
@testable import OfficinaApp

/// A stream's client sees it open when the response's head arrives; the stream joins the hub a
/// moment later. Nothing published in that moment may be lost (a phone back from offline
/// showed "Live" and then missed the phase change made right after).
@Suite(.timeLimit(.minutes(10))) struct LiveStreamStartTests {
    @Test func aChangeBetweenTheStreamsHeadAndItsJoiningTheHubStillArrives() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            // The route answers: this is when the browser fires `open`.
            let request = HTTPRequest(method: .get, path: "/api/workshops/\(f.code)/events",
                                      headers: ["Host": "127.0.0.1:\(server.port)"])
            let response = await server.application.router.respond(to: request)
            guard case .eventStream(let open) = response.body else { throw TestFailure("not a stream: \(response.status)") }
            // A change lands before the stream has joined the hub…
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            // …and the stream still gets it.
            let stream = RecordingStream()
            await open(stream)
            let phases = stream.sent.filter { $0.event == "workshop" }.map { JSONValue.parseOrNull($0.data)["phase"] }
            #expect(phases == [.string("voting")], "sent: \(stream.sent.map(\.event))")
        }
    }
}

/// An event stream that keeps what it is sent.
private final class RecordingStream: EventStream {
    struct Sent: Sendable {
        var event: String?
        var data: String
    }

    private let state = Protected((sent: [Sent](), open: true))
    var sent: [Sent] { state.withLock { $0.sent } }

    func send(event: String?, data: String, id: String?) {
        state.withLock { $0.sent.append(Sent(event: event, data: data)) }
    }

    func comment(_ text: String) {}
    func close() { state.withLock { $0.open = false } }
    var isOpen: Bool { state.withLock { $0.open } }
    func onClose(_ callback: @escaping @Sendable () -> Void) {}
}

private extension JSONValue {
    static func parseOrNull(_ text: String) -> JSONValue { (try? JSONValue.parse(Array(text.utf8))) ?? .null }
}
