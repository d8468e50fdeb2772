import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Keep-alive and pipelining over a real socket", .timeLimit(.minutes(3)))
struct KeepAliveTests {
    @Test("A kept-alive connection serves several requests in turn")
    func keepAliveServesSeveralRequests() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            for index in 0..<3 {
                try client.send("GET /item/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.receiveResponse()
                #expect(response.status == 200)
                #expect(response.text == "GET /item/\(index) 0\n")
                #expect(response.header("Connection") == nil)
                #expect(response.header("Date") != nil)
            }
        }
    }

    @Test("Pipelined requests are answered in order")
    func pipelinedRequestsAnsweredInOrder() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            let requests = (0..<20).map { "GET /p/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined()
            try client.send(requests)
            let responses = try client.receiveResponses(20)
            #expect(responses.map(\.text) == (0..<20).map { "GET /p/\($0) 0\n" })
        }
    }

    @Test("A pipelined request split across writes mid-header is still answered")
    func pipelinedRequestSplitAcrossWrites() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo")
            Thread.sleep(forTimeInterval: 0.05)
            try client.send("st: x\r\n\r\n")
            let responses = try client.receiveResponses(2)
            #expect(responses.map(\.text) == ["GET /a 0\n", "GET /b 0\n"])
        }
    }

    @Test("HTTP/1.0 closes after the response unless it asks for keep-alive")
    func http10ClosesByDefault() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let closing = try server.connect()
            try closing.send("GET /old HTTP/1.0\r\n\r\n")
            let text = try closing.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("Connection: close\r\n"))
            #expect(text.hasSuffix("GET /old 0\n"))

            let kept = try server.connect()
            try kept.send("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try kept.receiveResponse()
            #expect(first.header("Connection") == "keep-alive")
            try kept.send("GET /two HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try kept.receiveResponse().text == "GET /two 0\n")
        }
    }

    @Test("Connection: close is honoured, and conflicting Connection values mean close")
    func connectionCloseHonoured() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            for value in ["close", "keep-alive, close"] {
                let client = try server.connect()
                try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: \(value)\r\n\r\n")
                let text = try client.receiveAll()
                #expect(text.contains("Connection: close\r\n"))
            }
        }
    }

    @Test("HEAD gets the GET headers with Content-Length but no body")
    func headHasNoBody() async throws {
        try await onThread {
            let server = try TestServer { router in
                router.get("/doc") { _ in HTTPResponse(contentType: "text/plain", text: "twelve bytes") }
            }
            defer { server.stop() }
            let client = try server.connect()
            try client.send("HEAD /doc HTTP/1.1\r\nHost: x\r\n\r\nGET /doc HTTP/1.1\r\nHost: x\r\n\r\n")
            var raw: [UInt8] = []
            while !String(decoding: raw, as: UTF8.self).hasSuffix("twelve bytes") {
                guard let chunk = try client.receive() else { break }
                raw += chunk
            }
            let text = String(decoding: raw, as: UTF8.self)
            let parts = text.components(separatedBy: "HTTP/1.1 200 OK")
            #expect(parts.count == 3)
            #expect(parts[1].contains("Content-Length: 12\r\n"))
            #expect(parts[1].hasSuffix("\r\n\r\n"))
            #expect(parts[2].hasSuffix("\r\n\r\ntwelve bytes"))
        }
    }

    @Test("A client that half-closes after its request still gets the response")
    func halfClosedClientGetsResponse() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /bye HTTP/1.1\r\nHost: x\r\n\r\n")
            client.finishSending()
            #expect(try client.receiveAll().hasSuffix("GET /bye 0\n"))
        }
    }

    @Test("Immediate and asynchronous routes pipelined together are answered in order")
    func mixedPipelineKeepsOrder() async throws {
        try await onThread {
            let server = try TestServer { router in
                router.immediate(.get, "/now") { _ in HTTPResponse(contentType: "text/plain", text: "now") }
                router.get("/later") { _ in
                    try await Task.sleep(nanoseconds: 20_000_000)
                    return HTTPResponse(contentType: "text/plain", text: "later")
                }
            }
            defer { server.stop() }
            let client = try server.connect()
            let paths = ["/later", "/now", "/now", "/later", "/now", "/missing"]
            try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            let responses = try client.receiveResponses(paths.count)
            #expect(responses.map(\.text) == ["later", "now", "now", "later", "now", "Not Found\n"])
        }
    }

    @Test("Answers queued in one turn of the loop all leave: a pipelined burst and many connections at once")
    func answersOfOneTurnAllLeave() async throws {
        // An event-loop turn sends its answers together when it ends; a pipelined request behind
        // one of them is answered once that one left. 500 immediate requests in one write go
        // through that hand-over 500 times; 40 connections sending at once share turns.
        try await onThread {
            let server = try TestServer { router in
                router.immediate(.get, "/n/:value") { request in
                    HTTPResponse(contentType: "text/plain", text: request.parameters["value"] ?? "?")
                }
            }
            defer { server.stop() }
            let burst = try server.connect()
            try burst.send((0..<500).map { "GET /n/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            #expect(try burst.receiveResponses(500).map(\.text) == (0..<500).map(String.init))
            let clients = try (0..<40).map { _ in try server.connect() }
            for round in 0..<3 {
                for (index, client) in clients.enumerated() { try client.send("GET /n/\(round)-\(index) HTTP/1.1\r\nHost: x\r\n\r\n") }
                for (index, client) in clients.enumerated() {
                    #expect(try client.receiveResponses(1).map(\.text) == ["\(round)-\(index)"])
                }
            }
        }
    }

    @Test("Large bodies, sent from where they are kept, arrive whole and in order to a slow reader")
    func largeBodiesArriveWholeToASlowReader() async throws {
        // Bodies past `Connection.directBodyBytes` leave with their head in one call; what the
        // socket does not take is queued. The larger body is more than Linux's largest send
        // buffer (4 MiB by default) and the client reads late, so part of it is queued and the
        // bodies pipelined behind it wait in the queue too.
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let larger = (0..<9_000_000).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ $0 >> 11) }
        try await onThread {
            // The same bodies as `SharedBody`s leave from in-memory files (`sendfile`).
            let sharedLarge = SharedBody(large), sharedLarger = SharedBody(larger)
            let server = try TestServer { router in
                router.immediate(.get, "/large") { _ in HTTPResponse(contentType: "application/octet-stream", body: large) }
                router.get("/larger") { _ in HTTPResponse(contentType: "application/octet-stream", body: larger) }
                router.immediate(.get, "/small") { _ in HTTPResponse(contentType: "text/plain", text: "small") }
                router.immediate(.get, "/shared-large") { _ in HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: .shared(sharedLarge)) }
                router.get("/shared-larger") { _ in HTTPResponse(headers: ["Content-Type": "application/octet-stream"], body: .shared(sharedLarger)) }
            }
            defer { server.stop() }
            for prefix in ["/", "/shared-"] {
                let client = try server.connect()
                let paths = ["large", "small", "larger", "large", "small"].map { $0 == "small" ? "/small" : prefix + $0 }
                try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
                Thread.sleep(forTimeInterval: 0.2)
                let responses = try client.receiveResponses(paths.count)
                #expect(responses.map(\.status) == [200, 200, 200, 200, 200])
                // Compared as booleans: a failure should not print megabytes.
                let whole = [responses[0].body == large, responses[2].body == larger, responses[3].body == large]
                #expect(whole == [true, true, true], "bodies through \(prefix) that arrived different from what was sent")
                #expect(responses[1].text == "small" && responses[4].text == "small")
                // The connection is still usable afterwards, and HEAD sends no body (one request
                // at a time: each receive starts a fresh buffer).
                try client.send("HEAD \(prefix)large HTTP/1.1\r\nHost: x\r\n\r\n")
                let head = try client.receiveResponse(toHead: true)
                #expect(head.header("Content-Length") == String(large.count))
                try client.send("GET \(prefix)large HTTP/1.1\r\nHost: x\r\n\r\n")
                let again = try client.receiveResponse().body == large
                #expect(again)
            }
        }
    }
}
