import Foundation
import Testing
@testable import OfficinaHTTP

/// A live server on a random loopback port, shut down by `stop()`.
struct TestServer {
    let server: HTTPServer

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, responder: any HTTPResponder) throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.ioThreads = 2
        configuration.accessLog = false
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder)
        try server.start()
    }

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, router build: (inout Router) -> Void) throws {
        var router = Router()
        build(&router)
        try self.init(configure: configure, responder: router)
    }

    var port: Int { server.port }

    func connect() throws -> TestClient { try TestClient(port: port) }

    func stop() { server.shutdown() }
}

/// A responder that echoes method, path and body, for tests that need any handler.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        var text = "\(request.method) \(request.path)"
        if !request.query.isEmpty { text += "?\(request.query)" }
        text += " \(request.body.count)\n"
        text += String(decoding: request.body, as: UTF8.self)
        return HTTPResponse(contentType: "text/plain", text: text)
    }
}
