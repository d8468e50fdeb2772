import Foundation
import Testing
@testable import OfficinaHTTP

/// Every malformed case gets its status and a closed connection, and the next client is served.
@Suite("Malformed requests over a real socket", .timeLimit(.minutes(3)))
struct MalformedRequestTests {
    static let cases: [(String, Int)] = [
        ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-Pad: \(String(repeating: "p", count: 1000))\r\n", count: 34) + "\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-Bad : a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{0}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{1}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n", 417),
    ]

    @Test("Each malformed request gets its status, Connection: close, and the server serves the next client",
          arguments: 0..<cases.count)
    func malformedRequest(index: Int) async throws {
        let (request, status) = Self.cases[index]
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send(request)
            let text = try client.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 \(status) "), "case \(index): \(text.prefix(40))")
            #expect(text.contains("Connection: close\r\n"))

            let next = try server.connect()
            try next.send("GET /still-here HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try next.receiveResponse().text == "GET /still-here 0\n")
        }
    }

    @Test("A request after a refused one on the same connection is never answered (no smuggling)")
    func smuggledRequestIsNotAnswered() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n")
            let text = try client.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 400 "))
            #expect(!text.contains("smuggled"))
            #expect(text.components(separatedBy: "HTTP/1.1 ").count == 2)
        }
    }

    @Test("A handler header holding CR LF is never written: the response becomes 500 (header injection)")
    func responseHeaderInjection() async throws {
        try await onThread {
            let server = try TestServer { router in
                router.get("/inject") { _ in
                    HTTPResponse(headers: ["X-Name": "a\r\nSet-Cookie: evil=1"], body: .bytes([]))
                }
            }
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /inject HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.receiveResponse()
            #expect(response.status == 500)
            #expect(response.header("Set-Cookie") == nil)
        }
    }
}
