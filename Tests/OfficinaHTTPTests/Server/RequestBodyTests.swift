import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Request bodies over a real socket", .timeLimit(.minutes(3)))
struct RequestBodyTests {
    @Test("A Content-Length body reaches the handler")
    func contentLengthBody() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhel")
            Thread.sleep(forTimeInterval: 0.02)
            try client.send("lo")
            #expect(try client.receiveResponse().text == "POST /form 5\nhello")
        }
    }

    @Test("A chunked body is decoded, extensions and trailers dropped")
    func chunkedBody() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n")
            Thread.sleep(forTimeInterval: 0.02)
            try client.send("5\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n")
            #expect(try client.receiveResponse().text == "POST /c 9\nWikipedia")
        }
    }

    @Test("Expect: 100-continue gets an interim 100 before the body is sent")
    func expectContinue() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("PUT /up HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.receive().map { String(decoding: $0, as: UTF8.self) }
            #expect(interim == "HTTP/1.1 100 Continue\r\n\r\n")
            try client.send("abc")
            #expect(try client.receiveResponse().text == "PUT /up 3\nabc")
        }
    }

    @Test("A body over the configured limit is refused with 413 before it is read")
    func bodyOverLimit() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.maxBodyBytes = 100 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n")
            let text = try client.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 413 Content Too Large\r\n"))
            #expect(text.contains("Connection: close\r\n"))
        }
    }
}
