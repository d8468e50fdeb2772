import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Static files over a real socket", .timeLimit(.minutes(3)))
struct StaticFilesTests {
    /// A web root with a few files, a secret next to it, and a symlink pointing at the secret.
    final class Fixture: @unchecked Sendable {
        let base: URL
        let root: URL

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("officina-static-\(UUID().uuidString)")
            root = base.appendingPathComponent("web")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("css"), withIntermediateDirectories: true)
            try "<h1>home</h1>".write(to: root.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
            try "<h1>participant</h1>".write(to: root.appendingPathComponent("participant.html"), atomically: true, encoding: .utf8)
            try "body{}".write(to: root.appendingPathComponent("css/site.css"), atomically: true, encoding: .utf8)
            try "hidden".write(to: root.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
            try "TOP SECRET".write(to: base.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path, withDestinationPath: base.appendingPathComponent("secret.txt").path)
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("up").path, withDestinationPath: base.path)
        }

        deinit { try? FileManager.default.removeItem(at: base) }
    }

    func serve(_ fixture: Fixture) throws -> TestServer {
        let files = try StaticFiles(root: fixture.root.path)
        return try TestServer { router in
            router.get("/w/:code", files.file("participant.html"))
            router.notFound = files.handler
        }
    }

    @Test("Text files of 1 KiB or more go gzip-coded to clients that take it, with their own ETag; others as they are")
    func servesGzipWhenAccepted() async throws {
        let fixture = try Fixture()
        let script = String(repeating: "export function proposta(numero) { return `Proposta ${numero}`; }\n", count: 200)
        try script.write(to: fixture.root.appendingPathComponent("app.js"), atomically: true, encoding: .utf8)
        try Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: fixture.root.appendingPathComponent("logo.png"))
        try await onThread {
            let server = try serve(fixture)
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n")
            let plain = try client.receiveResponse()
            #expect(plain.text == script)
            #expect(plain.header("Content-Encoding") == nil)
            #expect(plain.header("Vary") == "Accept-Encoding")
            let tag = try #require(plain.header("ETag"))
            try client.send("GET /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n")
            let coded = try client.receiveResponse()
            #expect(coded.status == 200)
            #expect(coded.header("Content-Encoding") == "gzip")
            #expect(coded.header("Vary") == "Accept-Encoding")
            #expect(coded.header("ETag") == EntityTag.gzipVariant(of: tag))
            #expect(coded.body.count * 10 < plain.body.count, "\(coded.body.count) of \(plain.body.count)")
            #expect(try GzipTests.gunzip(coded.body) == plain.body)
            // Each form's tag revalidates that form only.
            try client.send("GET /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nIf-None-Match: \(EntityTag.gzipVariant(of: tag))\r\n\r\n")
            let unchanged = try client.receiveResponse()
            #expect(unchanged.status == 304)
            #expect(unchanged.header("Content-Encoding") == nil)
            try client.send("GET /app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(EntityTag.gzipVariant(of: tag))\r\n\r\n")
            #expect(try client.receiveResponse().status == 200)
            try client.send("HEAD /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            let head = try client.receiveResponse(toHead: true)
            #expect(head.header("Content-Length") == String(coded.body.count))
            #expect(head.header("Content-Encoding") == "gzip")
            try client.send("GET /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0, *\r\n\r\n")
            #expect(try client.receiveResponse().header("Content-Encoding") == nil)
            // Small files and images stay as they are, and say nothing of Accept-Encoding.
            for path in ["/css/site.css", "/logo.png"] {
                try client.send("GET \(path) HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
                let response = try client.receiveResponse()
                #expect(response.status == 200)
                #expect(response.header("Content-Encoding") == nil, "\(path)")
                #expect(response.header("Vary") == nil, "\(path)")
            }
        }
    }

    @Test("A text file too large to keep in memory is sent as it is, not compressed on every request")
    func largeFilesAreNotCompressedPerRequest() async throws {
        let fixture = try Fixture()
        let script = String(repeating: "export const parola = 'officina';\n", count: 200)
        try script.write(to: fixture.root.appendingPathComponent("big.js"), atomically: true, encoding: .utf8)
        try await onThread {
            var files = try StaticFiles(root: fixture.root.path)
            files.maxCachedFileBytes = 2_000
            let server = try TestServer { router in router.notFound = files.handler }
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /big.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            let response = try client.receiveResponse()
            #expect(response.status == 200)
            #expect(response.header("Content-Encoding") == nil)
            #expect(response.text == script)
        }
    }

    @Test("Files are served with content type, ETag, Cache-Control; a matching If-None-Match is 304")
    func servesWithETag() async throws {
        let fixture = try Fixture()
        try await onThread {
            let server = try serve(fixture)
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /css/site.css HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try client.receiveResponse()
            #expect(first.status == 200)
            #expect(first.text == "body{}")
            #expect(first.header("Content-Type") == "text/css; charset=utf-8")
            #expect(first.header("Cache-Control") == "no-cache")
            let etag = try #require(first.header("ETag"))
            try client.send("GET /css/site.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: W/\"other\", \(etag)\r\n\r\n")
            let second = try client.receiveResponse()
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.header("ETag") == etag)
            try client.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.receiveResponse(toHead: true)
            #expect(head.header("Content-Type") == "text/html; charset=utf-8")
            #expect(head.header("Content-Length") == "13")
            #expect(head.body.isEmpty)
        }
    }

    @Test("A URL shape maps to one file; a folder serves its index.html")
    func mappingAndIndex() async throws {
        let fixture = try Fixture()
        try await onThread {
            let server = try serve(fixture)
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /w/ACD347 HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let responses = try client.receiveResponses(2)
            #expect(responses.map(\.text) == ["<h1>participant</h1>", "<h1>home</h1>"])
        }
    }

    @Test("Path traversal attempts never read outside the root", arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/css/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt", "/..%5csecret.txt", "/css/%2e%2e/%2e%2e/secret.txt", "/leak.txt", "/up/secret.txt",
        "/.env", "/index.html%00.css",
    ])
    func traversalIsRefused(path: String) async throws {
        let fixture = try Fixture()
        try await onThread {
            let server = try serve(fixture)
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.receiveResponse()
            #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.text.contains("SECRET"))
            #expect(!response.text.contains("hidden"))
        }
    }

    @Test("Methods other than GET and HEAD on a file are 405 with Allow")
    func postIsNotAllowed() async throws {
        let fixture = try Fixture()
        let files = try StaticFiles(root: fixture.root.path)
        let response = await files.respond(to: HTTPRequest(method: .post, path: "/index.html"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
    }

    @Test("A missing root is an error at start, not at the first request")
    func missingRoot() {
        #expect(throws: HTTPServerError.self) { try StaticFiles(root: "/nonexistent/officina-web") }
    }

    @Test("A file is answered immediately only once cached, and a changed file is read again")
    func immediateOnlyWhenCached() async throws {
        let fixture = try Fixture()
        let files = try StaticFiles(root: fixture.root.path)
        let request = HTTPRequest(method: .get, path: "/css/site.css")
        #expect(files.respondImmediately(to: request) == nil)
        #expect(await files.respond(to: request).status == .ok)
        let cached = try #require(files.respondImmediately(to: request))
        #expect(cached.status == .ok)
        try "body{color:red}".write(to: fixture.root.appendingPathComponent("css/site.css"), atomically: true, encoding: .utf8)
        #expect(files.respondImmediately(to: request) == nil)
        let fresh = await files.respond(to: request)
        guard case .bytes(let bytes) = fresh.body else { Issue.record("no body"); return }
        #expect(String(decoding: bytes, as: UTF8.self) == "body{color:red}")
        #expect(fresh.headers["ETag"] != cached.headers["ETag"])
    }
}
